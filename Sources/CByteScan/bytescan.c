// The normaliser's skipping kernels (see nb_bytescan.h). Each pass's predicate is written twice: as a
// scalar function of one position (the reference, and the fallback without SSE2) and as vector code over sixteen
// (SSE2) or thirty-two (AVX2, where the processor has it) positions at once (bytescan_kernels.inc). Tests check on
// random text that both flag the same bytes.
#include "nb_bytescan.h"

static inline int is_alnum(uint8_t b) {
    return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

// Whether the three-byte character starting at q is one of U+4E00–U+9FFF (E4 B8–E9 BF), certainly Han.
static inline int is_common_han(const uint8_t *q) {
    return (q[0] >= 0xE5 && q[0] <= 0xE9) || (q[0] == 0xE4 && q[1] >= 0xB8);
}

// p[-3..4] are readable.
static int scalar_may_matter(const uint8_t *p, int kind) {
    const uint8_t b0 = p[0], b1 = p[1], b2 = p[2], b3 = p[3], bm = p[-1];
    switch (kind) {
    case NB_SCAN_INVISIBLE:
        // Controls but tab and LF (CR is rewritten), DEL; C2 (C1 controls, NBSP, soft hyphen); E1 A0 (U+180E);
        // E2 80/81 (U+2000–207F: spaces, zero-width, bidi marks); E3 80 80 (U+3000); EF BB / EF BF (BOM, U+FFF9–FFFB).
        return (b0 < 0x20 && b0 != 0x09 && b0 != 0x0A) || b0 == 0x7F || b0 == 0xC2 || (b0 == 0xE1 && b1 == 0xA0)
            || (b0 == 0xE2 && (b1 == 0x80 || b1 == 0x81)) || (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80)
            || (b0 == 0xEF && (b1 == 0xBB || b1 == 0xBF));
    case NB_SCAN_WIDTH:
        // Full-width digits and letters (EF BC 90–BF, EF BD 80–9F), compatibility ideographs (EF A4–AB), enclosed
        // numbers (E2 91–93, E3 88), radicals (E2 BA–BF), compatibility supplement (F0 AF).
        return (b0 == 0xEF && ((b1 >= 0xA4 && b1 <= 0xAB) || (b1 == 0xBC && b2 >= 0x90) || (b1 == 0xBD && b2 <= 0x9F)))
            || (b0 == 0xE2 && ((b1 >= 0x91 && b1 <= 0x93) || b1 >= 0xBA)) || (b0 == 0xE3 && b1 == 0x88)
            || (b0 == 0xF0 && b1 == 0xAF);
    case NB_SCAN_NUMERIC:
        // A digit followed by what may continue a number (`,`, O o l I |, the lead byte of 〇), or a three-byte
        // minus sign (E2 or EF lead) before a digit.
        return (b0 >= '0' && b0 <= '9'
                && (b1 == ',' || b1 == 'O' || b1 == 'o' || b1 == 'l' || b1 == 'I' || b1 == '|' || b1 == 0xE3))
            || ((b0 == 0xE2 || b0 == 0xEF) && b3 >= '0' && b3 <= '9');
    case NB_SCAN_PUNCTUATION:
        // Under the canonical policy: ASCII , ; : ? ! ( ) "; a full-width form (EF BC, EF BD 80–9F) other than
        // ，；：？！ — which change only between ASCII letters or digits, so they count only with one beside them.
        if (b0 == ',' || b0 == ';' || b0 == ':' || b0 == '?' || b0 == '!' || b0 == '(' || b0 == ')' || b0 == '"')
            return 1;
        if (b0 == 0xEF && (b1 == 0xBC || (b1 == 0xBD && b2 <= 0x9F))) {
            int contextual = b1 == 0xBC && (b2 == 0x8C || b2 == 0x9B || b2 == 0x9A || b2 == 0x9F || b2 == 0x81);
            if (contextual) return is_alnum(bm) || is_alnum(b3);
            // （ and ） beside Han stay, whatever their pair (in valid UTF-8, a lead byte three back starts the
            // character before).
            int parenthesis = b1 == 0xBC && (b2 == 0x88 || b2 == 0x89);
            return !(parenthesis && (is_common_han(p + 3) || is_common_han(p - 3)));
        }
        return 0;
    case NB_SCAN_MARKUP:
        // The bytes markdown is made of: # * _ - = > + [ < and | (pipe tables).
        return b0 == '#' || b0 == '*' || b0 == '_' || b0 == '-' || b0 == '=' || b0 == '>' || b0 == '+' || b0 == '['
            || b0 == '<' || b0 == '|';
    default:
        return 1;
    }
}

#if defined(__SSE2__)
#include <immintrin.h>

#define V __m128i
#define WIDTH 16
#define LOAD(p) _mm_loadu_si128((const __m128i *)(p))
#define SET1(c) _mm_set1_epi8((char)(c))
#define CMPEQ _mm_cmpeq_epi8
#define MINU _mm_min_epu8
#define MAXU _mm_max_epu8
#define OR _mm_or_si128
#define AND _mm_and_si128
#define ANDNOT _mm_andnot_si128
#define MOVEMASK(v) ((uint64_t)(unsigned)_mm_movemask_epi8(v))
#define TARGET
#define SUFFIX sse2
#include "bytescan_kernels.inc"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
// The same kernels 32 bytes a step, used when the processor has AVX2 (checked once, at the first scan).
#define NB_HAVE_AVX2_KERNELS 1
#define V __m256i
#define WIDTH 32
#define LOAD(p) _mm256_loadu_si256((const __m256i *)(p))
#define SET1(c) _mm256_set1_epi8((char)(c))
#define CMPEQ _mm256_cmpeq_epi8
#define MINU _mm256_min_epu8
#define MAXU _mm256_max_epu8
#define OR _mm256_or_si256
#define AND _mm256_and_si256
#define ANDNOT _mm256_andnot_si256
#define MOVEMASK(v) ((uint64_t)(unsigned)_mm256_movemask_epi8(v))
#define TARGET __attribute__((target("avx2")))
#define SUFFIX avx2
#include "bytescan_kernels.inc"

static int nb_has_avx2(void) {
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    return known;
}
#endif
#endif

size_t nb_scan_next(const uint8_t *bytes, size_t count, size_t from, int kind, int vector) {
    if (from < 3 || count < 20 || from > count - 20) return from;
    const size_t last = count - 20;
#if defined(__SSE2__)
    if (vector) {
        int found = 0;
#if defined(NB_HAVE_AVX2_KERNELS)
        // 32 bytes a step while a step's reads (p[-3..36)) stay inside; the SSE2 loop finishes the stretch.
        if (vector == 1 && count >= 36 && from <= count - 36 && nb_has_avx2()) {
            const size_t wide = count - 36;
            switch (kind) {
            case NB_SCAN_INVISIBLE: from = scan_invisible_avx2(bytes, from, wide, &found); break;
            case NB_SCAN_WIDTH: from = scan_width_avx2(bytes, from, wide, &found); break;
            case NB_SCAN_NUMERIC: from = scan_numeric_avx2(bytes, from, wide, &found); break;
            case NB_SCAN_PUNCTUATION: from = scan_punctuation_avx2(bytes, from, wide, &found); break;
            case NB_SCAN_MARKUP: from = scan_markup_avx2(bytes, from, wide, &found); break;
            default: return from;
            }
            if (found || from > last) return from;
        }
#endif
        switch (kind) {
        case NB_SCAN_INVISIBLE: return scan_invisible_sse2(bytes, from, last, &found);
        case NB_SCAN_WIDTH: return scan_width_sse2(bytes, from, last, &found);
        case NB_SCAN_NUMERIC: return scan_numeric_sse2(bytes, from, last, &found);
        case NB_SCAN_PUNCTUATION: return scan_punctuation_sse2(bytes, from, last, &found);
        case NB_SCAN_MARKUP: return scan_markup_sse2(bytes, from, last, &found);
        default: return from;
        }
    }
#endif
    size_t k = from;
    for (; k <= last; k += 16)
        for (int lane = 0; lane < 16; lane++)
            if (scalar_may_matter(bytes + k + lane, kind)) return k + (size_t)lane;
    return k;
}

// The scalar check: well-formed sequences one after the other (the reference, and the tail of the vector check).
static size_t utf8_first_invalid_scalar(const uint8_t *b, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (b[i] < 0x80) {
#if defined(__SSE2__)
            // Sixteen ASCII bytes at a time, tried only where ASCII starts (Chinese text is mostly three-byte
            // characters, and trying before each of them cost more than it saved).
            while (i + 16 <= n && _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(b + i))) == 0) i += 16;
            if (i >= n) break;
            if (b[i] >= 0x80) continue;
#endif
            i++;
            continue;
        }
        // The common case in Chinese text: a run of three-byte characters outside E0 and ED's narrowed ranges.
        while (i + 2 < n && b[i] >= 0xE1 && b[i] <= 0xEF && b[i] != 0xED && (b[i + 1] & 0xC0) == 0x80
               && (b[i + 2] & 0xC0) == 0x80)
            i += 3;
        if (i >= n || b[i] < 0x80) continue;
        const uint8_t b0 = b[i];
        // The well-formed sequences of Unicode's table 3-7.
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            if (i + 1 < n && (b[i + 1] & 0xC0) == 0x80) { i += 2; continue; }
            return i;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= n) return i;
            const uint8_t b1 = b[i + 1];
            const uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
            if (b1 >= lo && b1 <= hi && (b[i + 2] & 0xC0) == 0x80) { i += 3; continue; }
            return i;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= n) return i;
            const uint8_t b1 = b[i + 1];
            const uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
            if (b1 >= lo && b1 <= hi && (b[i + 2] & 0xC0) == 0x80 && (b[i + 3] & 0xC0) == 0x80) { i += 4; continue; }
            return i;
        }
        return i;
    }
    return n;
}

#if defined(NB_HAVE_AVX2_KERNELS)
// The vector check of UTF-8 (the nibble-lookup method of Keiser and Lemire, "Validating UTF-8 In Less Than One
// Instruction Per Byte", 2021), 32 bytes a step. Each byte and the one before it are looked up by three nibbles
// (the previous byte's high and low, this byte's high); the three tables hold, for each nibble value, the classes
// of error it can take part in, so their AND is the errors the pair makes:
//   0x01 too short   a lead byte (C_–F_) followed by a byte that is no continuation
//   0x02 too long    ASCII followed by a continuation (8_–B_)
//   0x04 overlong 3  E0 followed by 80–9F
//   0x08 too large   F4–FF followed by 90–BF
//   0x10 surrogate   ED followed by A0–BF
//   0x20 overlong 2  C0 or C1 followed by a continuation
//   0x40 too large / overlong 4: F0 or F5–FF followed by 80–8F
//   0x80 two continuations in a row, which is an error unless the byte is the third or fourth of its sequence
//        (two or three back stands an E_/F_ lead): that case is XORed away.
// The tables were derived from these conditions and checked exhaustively against every pair of bytes.
#define NB_TABLE(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)
static __attribute__((target("avx2"))) size_t utf8_valid_blocks_avx2(const uint8_t *b, size_t n, size_t i) {
    const __m256i previousHigh = NB_TABLE(0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02,
                                          (char)0x80, (char)0x80, (char)0x80, (char)0x80, 0x21, 0x01, 0x15, 0x49);
    const __m256i previousLow = NB_TABLE((char)0xE7, (char)0xA3, (char)0x83, (char)0x83, (char)0x8B, (char)0xCB,
                                         (char)0xCB, (char)0xCB, (char)0xCB, (char)0xCB, (char)0xCB, (char)0xCB,
                                         (char)0xCB, (char)0xDB, (char)0xCB, (char)0xCB);
    const __m256i currentHigh = NB_TABLE(0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
                                         (char)0xE6, (char)0xAE, (char)0xBA, (char)0xBA, 0x01, 0x01, 0x01, 0x01);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i high = _mm256_set1_epi8((char)0x80);
    for (; i + 32 <= n; i += 32) {
        const __m256i input = _mm256_loadu_si256((const __m256i *)(b + i));
        // ASCII after a complete character: nothing to check.
        if (_mm256_movemask_epi8(input) == 0 && b[i - 1] < 0x80) continue;
        const __m256i prev1 = _mm256_loadu_si256((const __m256i *)(b + i - 1));
        const __m256i prev2 = _mm256_loadu_si256((const __m256i *)(b + i - 2));
        const __m256i prev3 = _mm256_loadu_si256((const __m256i *)(b + i - 3));
        __m256i errors = _mm256_shuffle_epi8(previousHigh, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
        errors = _mm256_and_si256(errors, _mm256_shuffle_epi8(previousLow, _mm256_and_si256(prev1, nibble)));
        errors = _mm256_and_si256(errors, _mm256_shuffle_epi8(currentHigh, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble)));
        // 0x80 where two back is E0 or more, or three back F0 or more (saturating subtraction keeps the high bit).
        const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
        const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
        errors = _mm256_xor_si256(errors, _mm256_and_si256(_mm256_or_si256(third, fourth), high));
        if (!_mm256_testz_si256(errors, errors)) return i;
    }
    return i;
}
#undef NB_TABLE
#endif

size_t nb_utf8_first_invalid(const uint8_t *b, size_t n) {
#if defined(NB_HAVE_AVX2_KERNELS)
    if (n >= 64 && nb_has_avx2()) {
        // The scalar check up to a character start s >= 3 (the vector loop reads three bytes back), the vector check
        // from there over whole blocks until one holds an error, and the scalar check again from a character start
        // at most four bytes before that block (an incomplete character at the end of the block before is found
        // there), which gives the exact offset.
        size_t s = 3;
        while (s < 7 && (b[s] & 0xC0) == 0x80) s++;
        if (s < 7) {
            const size_t head = utf8_first_invalid_scalar(b, s);
            if (head < s) return head;
            const size_t stop = utf8_valid_blocks_avx2(b, n, s);
            size_t q = stop >= s + 4 ? stop - 4 : s;
            while (q < n && (b[q] & 0xC0) == 0x80) q++;
            return q + utf8_first_invalid_scalar(b + q, n - q);
        }
    }
#endif
    return utf8_first_invalid_scalar(b, n);
}

#if defined(NB_HAVE_AVX2_KERNELS)
// nb_offsets_of_byte's loop 32 bytes a step; returns where it stopped (found counts what it found so far).
static __attribute__((target("avx2"))) size_t offsets_avx2(const uint8_t *bytes, size_t count, uint8_t byte, size_t *out,
                                                          size_t capacity, size_t *found) {
    const __m256i needle = _mm256_set1_epi8((char)byte);
    size_t i = 0;
    for (; i + 32 <= count; i += 32) {
        unsigned mask =
            (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(bytes + i)), needle));
        while (mask) {
            if (*found < capacity) out[*found] = i + (size_t)__builtin_ctz(mask);
            (*found)++;
            mask &= mask - 1;
        }
    }
    return i;
}
#endif

size_t nb_offsets_of_byte(const uint8_t *bytes, size_t count, uint8_t byte, size_t *out, size_t capacity) {
    size_t found = 0;
    size_t i = 0;
#if defined(NB_HAVE_AVX2_KERNELS)
    if (nb_has_avx2()) i = offsets_avx2(bytes, count, byte, out, capacity, &found);
#endif
#if defined(__SSE2__)
    const __m128i needle = _mm_set1_epi8((char)byte);
    for (; i + 16 <= count; i += 16) {
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + i)), needle));
        while (mask) {
            if (found < capacity) out[found] = i + (size_t)__builtin_ctz(mask);
            found++;
            mask &= mask - 1;
        }
    }
#endif
    for (; i < count; i++) {
        if (bytes[i] != byte) continue;
        if (found < capacity) out[found] = i;
        found++;
    }
    return found;
}

size_t nb_count_scalars(const uint8_t *bytes, size_t count) {
    // A plain loop the compiler vectorises: every byte that is not a continuation byte (10xxxxxx) starts a scalar.
    size_t scalars = 0;
    for (size_t i = 0; i < count; i++) scalars += (bytes[i] & 0xC0) != 0x80;
    return scalars;
}
