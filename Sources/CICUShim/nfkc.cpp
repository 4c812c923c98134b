// NFKC of UTF-8 text with ICU's C++ Normalizer2::normalizeUTF8 (no UTF-16 round trip). Used as the speed
// baseline the normaliser is measured against (../shared/ICU.md: ~520 MB/s on this machine kind).
#include "nb_icu.h"
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>

int64_t nb_nfkc_utf8(const char *source, int64_t length, char *destination, int64_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return -1;
    icu::CheckedArrayByteSink sink(destination, (int32_t)capacity);
    nfkc->normalizeUTF8(0, icu::StringPiece(source, (int32_t)length), sink, nullptr, status);
    if (U_FAILURE(status)) return -1;
    // Past `capacity`, NumberOfBytesAppended() still counts every byte: it is the size to retry with.
    return sink.NumberOfBytesAppended();
}
