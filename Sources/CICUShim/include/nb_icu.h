// nb_icu.h — the only ICU-facing header Swift sees. It uses <stdint.h> types only and never includes ICU headers,
// so no Swift module sees two ICU definitions at once (Foundation carries its own private ICU).
#ifndef NB_ICU_H
#define NB_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Guesses the charset of `bytes` with ICU's charset detector (ucsdet).
/// Writes a NUL-terminated ICU charset name into `name` and returns the confidence (0–100), or -1 on failure.
int32_t nb_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity);

/// Converts `length` bytes in `charset` to UTF-8 with ICU (ucnv). Returns the UTF-8 length; when it exceeds
/// `capacity` nothing useful is written and the caller retries with the returned size. Returns -1 for an unknown
/// charset and -2 for any other ICU failure. `substitutions` (may be NULL) receives the number of bytes that could
/// not be converted and were replaced by U+FFFD.
int32_t nb_convert_to_utf8(const char *charset, const char *source, int32_t length, char *destination,
                           int32_t capacity, int32_t *substitutions);

/// NFKC of one code point. Writes up to `capacity` code points to `out` and returns how many there are, or -1.
int32_t nb_nfkc_codepoint(uint32_t codePoint, uint32_t *out, int32_t capacity);

/// NFKC of a UTF-8 buffer with C++ `Normalizer2::normalizeUTF8` (the fast ICU path; used as a benchmark baseline).
/// Returns the output length; when it exceeds `capacity`, retry with the returned size. -1 on failure.
int64_t nb_nfkc_utf8(const char *source, int64_t length, char *destination, int64_t capacity);

/// The ICU version this binary runs on, e.g. "72.1".
void nb_icu_version(char *out, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
