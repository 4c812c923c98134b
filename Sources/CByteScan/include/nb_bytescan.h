// Byte scanning kernels for the normaliser's passes: each finds the next byte of UTF-8 text at which its pass may
// have something to do, sixteen bytes a step, so that the pass skips the rest at vector speed. The predicates are
// conservative (a byte they flag may turn out to need nothing; a byte they pass over never needs the pass).
#ifndef NB_BYTESCAN_H
#define NB_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>

/// The passes with a kernel. Each kernel's predicate is documented in bytescan.c next to its scalar form.
typedef enum {
    NB_SCAN_INVISIBLE = 0,
    NB_SCAN_WIDTH = 1,
    NB_SCAN_NUMERIC = 2,
    NB_SCAN_PUNCTUATION = 3,
    NB_SCAN_MARKUP = 4
} nb_scan_kind;

/// The first position at or after `from` at which the predicate of `kind` holds, or — when there is none before the
/// last 20 bytes, which are never skipped — the first position not scanned (at most `count`); `from` itself when
/// it is one of the first 3 or the last 20 bytes (a kernel reads three bytes before a position and four after).
/// `vector` 1 uses the widest vector form the processor has (AVX2, else SSE2), 2 the SSE2 form only, 0 the scalar
/// form of the predicate (for the tests that check all agree).
size_t nb_scan_next(const uint8_t *bytes, size_t count, size_t from, int kind, int vector);

/// The offset of the first byte of `bytes` that does not start a well-formed UTF-8 sequence, or `count` when all
/// of them are well-formed.
size_t nb_utf8_first_invalid(const uint8_t *bytes, size_t count);

/// Writes the offsets of every `byte` in `bytes` into `out` (at most `capacity` of them) and returns how many there
/// are in all (more than `capacity` when `out` was too small). Sixteen bytes a step: a line split of Chinese text,
/// a line every few dozen bytes, costs a fraction of a memchr call per line.
size_t nb_offsets_of_byte(const uint8_t *bytes, size_t count, uint8_t byte, size_t *out, size_t capacity);

/// The number of Unicode scalars that start in `bytes` (valid UTF-8): the bytes that are not continuation bytes.
/// Columns of the normaliser's edits are counted with it.
size_t nb_count_scalars(const uint8_t *bytes, size_t count);

/// The offset of the first occurrence of `needle` in `haystack`, or `SIZE_MAX` when there is none (0 for an empty
/// needle): the C library's memmem, which Swift's Glibc module does not export. For Han text, where a search from
/// the needle's first byte stops at nearly every character.
size_t nb_find(const uint8_t *haystack, size_t count, const uint8_t *needle, size_t needleCount);

/// The offset of the last `byte` in `bytes` (memrchr, which Swift's Glibc module does not export either), or
/// `SIZE_MAX` when there is none.
size_t nb_find_last(const uint8_t *bytes, size_t count, uint8_t byte);

#endif
