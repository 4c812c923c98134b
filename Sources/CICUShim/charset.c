// Thin wrappers over ICU's C API: charset detection, conversion, single code point NFKC.
// ICU's names are macros (urename.h), so they can only be called from C; see ../shared/ICU.md.
#include "nb_icu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>

int32_t nb_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    if (U_FAILURE(status) || match == NULL) { ucsdet_close(detector); return -1; }
    const char *found = ucsdet_getName(match, &status);
    int32_t confidence = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || found == NULL) { ucsdet_close(detector); return -1; }
    strncpy(name, found, (size_t)nameCapacity - 1);
    name[nameCapacity - 1] = 0;
    ucsdet_close(detector);
    return confidence;
}

static void count_substitution(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                               int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    if (reason <= UCNV_IRREGULAR && context != NULL) *(int32_t *)context += length;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, err);
}

int32_t nb_convert_to_utf8(const char *charset, const char *source, int32_t length, char *destination,
                           int32_t capacity, int32_t *substitutions) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *from = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ucnv_setToUCallBack(from, count_substitution, &count, NULL, NULL, &status);
    // Preflight the UTF-16 length, then convert for real (ucnv_toUChars resets the converter each call).
    int32_t utf16Length = ucnv_toUChars(from, NULL, 0, source, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) { ucnv_close(from); return -2; }
    status = U_ZERO_ERROR;
    UChar *utf16 = (UChar *)malloc(sizeof(UChar) * ((size_t)utf16Length + 1));
    if (utf16 == NULL) { ucnv_close(from); return -2; }
    count = 0;
    ucnv_toUChars(from, utf16, utf16Length + 1, source, length, &status);
    ucnv_close(from);
    if (U_FAILURE(status)) { free(utf16); return -2; }
    int32_t utf8Length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(destination, capacity, &utf8Length, utf16, utf16Length, &status);
    free(utf16);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -2;
    if (substitutions) *substitutions = count;
    return utf8Length;
}

int32_t nb_nfkc_codepoint(uint32_t codePoint, uint32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    UChar source[2];
    int32_t sourceLength = 0;
    if (codePoint > 0xFFFF) {
        source[0] = (UChar)(0xD7C0 + (codePoint >> 10));
        source[1] = (UChar)(0xDC00 | (codePoint & 0x3FF));
        sourceLength = 2;
    } else {
        source[0] = (UChar)codePoint;
        sourceLength = 1;
    }
    UChar buffer[32];
    int32_t n = unorm2_normalize(nfkc, source, sourceLength, buffer, 32, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    for (int32_t i = 0; i < n; i++) {
        uint32_t c = buffer[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
            c = 0x10000 + ((c - 0xD800) << 10) + (buffer[i + 1] - 0xDC00);
            i++;
        }
        if (count < capacity) out[count] = c;
        count++;
    }
    return count;
}

void nb_icu_version(char *out, int32_t capacity) {
    UVersionInfo version;
    u_getVersion(version);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    strncpy(out, text, (size_t)capacity - 1);
    out[capacity - 1] = 0;
}
