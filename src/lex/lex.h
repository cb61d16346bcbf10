/*
 * lex.h -- the lex stage: the document's words and POS tags (internal).
 */
#ifndef JX_LEX_H
#define JX_LEX_H

#include "doc.h"
#include "seg.h"

/* Segment the whole document into doc->tokens (original byte spans).
 * Never fails on odd input; only memory can run out (doc->oom). */
void jx_lex_run(jishi_doc *doc, const jishi_dict *dict);

#endif
