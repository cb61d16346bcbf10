/*
 * format.h -- the on-disk layout of model.bin, shared by tools/jishi-compile
 * (writer) and src/model/model.c (reader).
 *
 *   header   32 bytes: magic "JISHIMDL", version, section count, file size,
 *            CRC-32 of the section table
 *   table    nsections x jx_fsection (16 bytes each)
 *   sections each 8-byte aligned, each with its own checksum (jx_sum32, a
 *            multiply-xorshift sum that runs at memory speed)
 *
 * All integers are little-endian uint32_t; the file holds offsets only,
 * never pointers, so it is usable in place after mmap. Sections:
 *   STRS  string pool: NUL-terminated UTF-8 strings
 *   TABL  uint32 ntables, then ntables x jx_ftable
 *   CELL  uint32 pairs (offset into STRS, byte length), row-major per table
 *   SCRP  uint32 nhant, uint32 nhans, then nhant + nhans sorted code points
 *         (characters found only in Traditional / only in Simplified text),
 *         then two 65,536-bit maps of the same sets within the BMP
 *         (Traditional first), so a lookup there is one bit test
 *   LCHR  uint32 nchars, uint32 nextra, then a uint32 entry for every BMP
 *         code point describing its folded form -- bits 0-15 its id (0 =
 *         not in the lexicon), 16-18 its segmenter class, 19-20 its script
 *         (1 Traditional-only, 2 Simplified-only), 21 a numeral or unit
 *         (see LCFL) -- then nextra (cp, id) pairs beyond the BMP, sorted
 *   LDAT  the lexicon trie: jx_dat_cell {int32 base, uint32 check, uint32
 *         value} cells over character ids (src/model/dat.h); a word's
 *         value is cost (-ln p x 1000) | POS tag id << 16, the tag id
 *         being the row of lexicon/pos_tags
 *   LHMM  uint32 nchars, uint16 start[4], trans[4][4], unknown[4], 2 bytes
 *         of padding, then uint16 [nchars + 1][4] emission costs of each
 *         character id as B, M, E, S of a word (65535 = never)
 *   LCFL  uint8 [nchars + 1][2]: JX_CF_* flags and a value per character
 *         id (numerals and the units that join a number)
 */
#ifndef JX_MODEL_FORMAT_H
#define JX_MODEL_FORMAT_H

#include <stdint.h>

#define JX_MODEL_MAGIC   "JISHIMDL"
#define JX_MODEL_VERSION 5u

#define JX_LCHR_ID           0xFFFFu
#define JX_LCHR_CLASS_SHIFT  16
#define JX_LCHR_SCRIPT_SHIFT 19
#define JX_LCHR_NUMERIC      (1u << 21)
#define JX_FOURCC(a, b, c, d)                                                  \
	((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 |            \
	 (uint32_t)(d) << 24)
#define JX_SEC_STRS JX_FOURCC('S', 'T', 'R', 'S')
#define JX_SEC_TABL JX_FOURCC('T', 'A', 'B', 'L')
#define JX_SEC_CELL JX_FOURCC('C', 'E', 'L', 'L')
#define JX_SEC_SCRP JX_FOURCC('S', 'C', 'R', 'P')
#define JX_SEC_LCHR JX_FOURCC('L', 'C', 'H', 'R')
#define JX_SEC_LDAT JX_FOURCC('L', 'D', 'A', 'T')
#define JX_SEC_LHMM JX_FOURCC('L', 'H', 'M', 'M')
#define JX_SEC_LCFL JX_FOURCC('L', 'C', 'F', 'L')

/* LCFL flags of a character id */
#define JX_CF_DIGIT   0x01u /* 〇 一 … 九: value = the digit */
#define JX_CF_UNIT    0x02u /* 十 百 千 萬 億: value = power of ten */
#define JX_CF_OTHER   0x04u /* 兩 廿 卅: value = the number */
#define JX_CF_YEAR    0x08u /* joins a four-digit number: value = POS */
#define JX_CF_MONTH   0x10u /* joins a number 1-12: value = POS */
#define JX_CF_DAY     0x20u /* joins a number 1-31: value = POS */
#define JX_CF_PERCENT 0x40u /* joins any number: value = POS */
#define JX_CF_HANS    0x80u /* ... only in Simplified text */

typedef struct jx_fheader {
	char magic[8];      /* "JISHIMDL" */
	uint32_t version;   /* JX_MODEL_VERSION */
	uint32_t nsections; /* entries in the section table */
	uint32_t file_size; /* total bytes, header included */
	uint32_t table_crc; /* CRC-32 of the section table */
	uint32_t reserved[2];
} jx_fheader;

typedef struct jx_fsection {
	uint32_t id;     /* JX_SEC_* */
	uint32_t offset; /* from the start of the file, 8-aligned */
	uint32_t size;   /* bytes */
	uint32_t crc;    /* jx_sum32 of the bytes */
} jx_fsection;

typedef struct jx_ftable {
	uint32_t name;  /* offset of the table name in STRS ("layout/...") */
	uint32_t ncols; /* columns per row */
	uint32_t nrows; /* rows */
	uint32_t cells; /* index of the first cell pair in CELL */
	uint32_t cols;  /* index of the first header cell pair in CELL */
} jx_ftable;

#define JX_MODEL_MAX_SECTIONS 64u
#define JX_SCRP_BMP_WORDS     2048u /* uint32 words per BMP bitmap */

#endif
