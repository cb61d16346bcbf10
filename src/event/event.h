/*
 * event.h -- the quote and event stages: quotations with their speakers,
 * and events coded in CAMEO/PLOVER with their actors, dates and evidence
 * (docs/internals/event.md) (internal).
 */
#ifndef JX_EVENT_H
#define JX_EVENT_H

#include "doc.h"
#include "view.h"

/* Find quotes into doc->quotes and events into doc->events. Needs the
 * layout, lex, ent and time layers. Never fails on odd input; only
 * memory can run out (doc->oom). */
void jx_event_run(jishi_doc *doc);

#endif
