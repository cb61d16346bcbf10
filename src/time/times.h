/*
 * times.h -- the time stage: time expressions found and normalised against
 * their anchor (docs/internals/time.md) (internal).
 */
#ifndef JX_TIME_H
#define JX_TIME_H

#include "doc.h"

/* Find the document's time expressions into doc->times. Needs the layout
 * layer (paragraphs) and the anchor. Never fails on odd input; only
 * memory can run out (doc->oom). */
void jx_time_run(jishi_doc *doc);

#endif
