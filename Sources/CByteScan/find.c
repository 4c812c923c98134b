// nb_find and nb_find_last (see nb_bytescan.h): glibc's memmem, a two-way search that skips ahead on mismatches,
// and memrchr (both GNU extensions, which Swift's Glibc module does not declare).
#define _GNU_SOURCE
#include <string.h>
#include "nb_bytescan.h"

size_t nb_find(const uint8_t *haystack, size_t count, const uint8_t *needle, size_t needleCount) {
    if (needleCount == 0) return 0;
    const void *hit = memmem(haystack, count, needle, needleCount);
    return hit ? (size_t)((const uint8_t *)hit - haystack) : SIZE_MAX;
}

size_t nb_find_last(const uint8_t *bytes, size_t count, uint8_t byte) {
    const void *hit = memrchr(bytes, byte, count);
    return hit ? (size_t)((const uint8_t *)hit - bytes) : SIZE_MAX;
}
