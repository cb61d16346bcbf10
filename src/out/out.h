/*
 * out.h -- writers of a processed document (internal).
 */
#ifndef JX_OUT_H
#define JX_OUT_H

#include "doc.h"
#include "seg.h"

/* Serialise doc as a schema-v1 JSON record into doc->json. */
int jx_out_json(jishi_doc *doc);

/* JSON string escaping into b (quotes included). s is valid UTF-8. */
int jx_json_str(jx_buf *b, const char *s, size_t len);

#endif
