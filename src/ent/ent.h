/*
 * ent.h -- the entity stage: people, places, organisations and media, one
 * entity per referent, with titles, countries and actor codes
 * (docs/internals/ent.md) (internal).
 */
#ifndef JX_ENT_H
#define JX_ENT_H

#include "doc.h"

/* Find the document's entities into doc->entities and link doc->sources
 * to them. Needs the layout and lex layers and the anchor date. Never
 * fails on odd input; only memory can run out (doc->oom). */
void jx_ent_run(jishi_doc *doc);

#endif
