/*
 * layout.h -- the layout stage: dateline, byline, captions with credits,
 * paragraphs, cited media and the document's script. Its vocabulary is in
 * data/layout/, data/gazetteer/ and data/script/; docs/internals/layout.md
 * describes the rules.
 */
#ifndef JX_LAYOUT_H
#define JX_LAYOUT_H

#include "doc.h"

/* Add the layout layer to doc. Never fails: what it cannot read becomes a
 * diagnostic. Needs doc->norm. */
void jx_layout_run(jishi_doc *doc);

#endif
