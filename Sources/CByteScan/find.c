// nb_find (see nb_bytescan.h): glibc's memmem, a two-way search that skips ahead on mismatches.
#define _GNU_SOURCE
#include <string.h>
#include "nb_bytescan.h"

size_t nb_find(const uint8_t *haystack, size_t count, const uint8_t *needle, size_t needleCount) {
    if (needleCount == 0) return 0;
    const void *hit = memmem(haystack, count, needle, needleCount);
    return hit ? (size_t)((const uint8_t *)hit - haystack) : SIZE_MAX;
}
