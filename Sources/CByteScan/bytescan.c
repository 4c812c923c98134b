// The normaliser's skipping kernels (see nb_bytescan.h). Each pass's predicate is written twice: as a
// scalar function of one position (the reference, and the fallback without SSE2) and as SSE2 over sixteen
// positions at once. Tests check on random text that both flag the same bytes.
#include "nb_bytescan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
static inline __m128i eq(__m128i v, uint8_t c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c)); }
// Unsigned v <= c and v >= c.
static inline __m128i le(__m128i v, uint8_t c) { return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8((char)c)), v); }
static inline __m128i ge(__m128i v, uint8_t c) { return _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)c)), v); }
static inline __m128i in(__m128i v, uint8_t lo, uint8_t hi) { return _mm_and_si128(ge(v, lo), le(v, hi)); }
static inline __m128i or2(__m128i a, __m128i b) { return _mm_or_si128(a, b); }
static inline __m128i and2(__m128i a, __m128i b) { return _mm_and_si128(a, b); }
static inline __m128i alnum(__m128i v) {
    __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    return or2(in(v, '0', '9'), in(lower, 'a', 'z'));
}

// The same predicates over the sixteen positions p[0..15], as a lane mask; p[-3..19] are readable.
#define LOADS                                                                                                          \
    const __m128i b0 = _mm_loadu_si128((const __m128i *)p);                                                            \
    const __m128i b1 = _mm_loadu_si128((const __m128i *)(p + 1));                                                      \
    const __m128i b2 = _mm_loadu_si128((const __m128i *)(p + 2));                                                      \
    const __m128i b3 = _mm_loadu_si128((const __m128i *)(p + 3));                                                      \
    const __m128i bm = _mm_loadu_si128((const __m128i *)(p - 1));                                                      \
    (void)b2; (void)b3; (void)bm;

// Lanes whose three-byte character (lead byte in v, next byte in w) is one of U+4E00–U+9FFF.
static inline __m128i common_han(__m128i v, __m128i w) { return or2(in(v, 0xE5, 0xE9), and2(eq(v, 0xE4), ge(w, 0xB8))); }

static inline __attribute__((always_inline)) __m128i mask_invisible(const uint8_t *p) {
    LOADS
    __m128i controls = _mm_andnot_si128(or2(eq(b0, 0x09), eq(b0, 0x0A)), le(b0, 0x1F));
    __m128i m = or2(or2(controls, eq(b0, 0x7F)), eq(b0, 0xC2));
    m = or2(m, and2(eq(b0, 0xE1), eq(b1, 0xA0)));
    m = or2(m, and2(eq(b0, 0xE2), in(b1, 0x80, 0x81)));
    m = or2(m, and2(and2(eq(b0, 0xE3), eq(b1, 0x80)), eq(b2, 0x80)));
    return or2(m, and2(eq(b0, 0xEF), or2(eq(b1, 0xBB), eq(b1, 0xBF))));
}

static inline __attribute__((always_inline)) __m128i mask_width(const uint8_t *p) {
    LOADS
    __m128i ef = or2(or2(in(b1, 0xA4, 0xAB), and2(eq(b1, 0xBC), ge(b2, 0x90))), and2(eq(b1, 0xBD), le(b2, 0x9F)));
    __m128i m = and2(eq(b0, 0xEF), ef);
    m = or2(m, and2(eq(b0, 0xE2), or2(in(b1, 0x91, 0x93), ge(b1, 0xBA))));
    m = or2(m, and2(eq(b0, 0xE3), eq(b1, 0x88)));
    return or2(m, and2(eq(b0, 0xF0), eq(b1, 0xAF)));
}

static inline __attribute__((always_inline)) __m128i mask_numeric(const uint8_t *p) {
    LOADS
    __m128i next = or2(or2(or2(eq(b1, ','), eq(b1, 'O')), or2(eq(b1, 'o'), eq(b1, 'l'))),
                       or2(or2(eq(b1, 'I'), eq(b1, '|')), eq(b1, 0xE3)));
    __m128i m = and2(in(b0, '0', '9'), next);
    return or2(m, and2(or2(eq(b0, 0xE2), eq(b0, 0xEF)), in(b3, '0', '9')));
}

static inline __attribute__((always_inline)) __m128i mask_punctuation(const uint8_t *p) {
    LOADS
    __m128i ascii = or2(or2(or2(eq(b0, ','), eq(b0, ';')), or2(eq(b0, ':'), eq(b0, '?'))),
                        or2(or2(eq(b0, '!'), eq(b0, '(')), or2(eq(b0, ')'), eq(b0, '"'))));
    __m128i full = and2(eq(b0, 0xEF), or2(eq(b1, 0xBC), and2(eq(b1, 0xBD), le(b2, 0x9F))));
    __m128i contextual =
        and2(eq(b1, 0xBC), or2(or2(or2(eq(b2, 0x8C), eq(b2, 0x9B)), or2(eq(b2, 0x9A), eq(b2, 0x9F))), eq(b2, 0x81)));
    __m128i beside = or2(alnum(bm), alnum(b3));
    const __m128i b4 = _mm_loadu_si128((const __m128i *)(p + 4));
    const __m128i bm3 = _mm_loadu_si128((const __m128i *)(p - 3));
    const __m128i bm2 = _mm_loadu_si128((const __m128i *)(p - 2));
    __m128i parenthesis = and2(eq(b1, 0xBC), or2(eq(b2, 0x88), eq(b2, 0x89)));
    __m128i besideHan = and2(parenthesis, or2(common_han(b3, b4), common_han(bm3, bm2)));
    __m128i other = _mm_andnot_si128(or2(contextual, besideHan), _mm_set1_epi8(-1));
    return or2(ascii, and2(full, or2(other, and2(contextual, beside))));
}

static inline __attribute__((always_inline)) __m128i mask_markup(const uint8_t *p) {
    LOADS
    __m128i m = or2(or2(or2(eq(b0, '#'), eq(b0, '*')), or2(eq(b0, '_'), eq(b0, '-'))),
                    or2(or2(eq(b0, '='), eq(b0, '>')), or2(eq(b0, '+'), eq(b0, '['))));
    return or2(m, or2(eq(b0, '<'), eq(b0, '|')));
}

// One loop per kernel, so that its constants stay in registers: the first flagged position in [k, last + 16), or
// the end of the scanned stretch.
#define VECTOR_SCAN(name)                                                                                              \
    static size_t scan_##name(const uint8_t *bytes, size_t k, size_t last) {                                          \
        for (; k <= last; k += 16) {                                                                                   \
            int m = _mm_movemask_epi8(mask_##name(bytes + k));                                                         \
            if (m) return k + (size_t)__builtin_ctz((unsigned)m);                                                      \
        }                                                                                                              \
        return k;                                                                                                      \
    }
VECTOR_SCAN(invisible)
VECTOR_SCAN(width)
VECTOR_SCAN(numeric)
VECTOR_SCAN(punctuation)
VECTOR_SCAN(markup)
#endif

size_t nb_scan_next(const uint8_t *bytes, size_t count, size_t from, int kind, int vector) {
    if (from < 3 || count < 20 || from > count - 20) return from;
    const size_t last = count - 20;
#if defined(__SSE2__)
    if (vector) {
        switch (kind) {
        case NB_SCAN_INVISIBLE: return scan_invisible(bytes, from, last);
        case NB_SCAN_WIDTH: return scan_width(bytes, from, last);
        case NB_SCAN_NUMERIC: return scan_numeric(bytes, from, last);
        case NB_SCAN_PUNCTUATION: return scan_punctuation(bytes, from, last);
        case NB_SCAN_MARKUP: return scan_markup(bytes, from, last);
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

size_t nb_utf8_first_invalid(const uint8_t *b, size_t n) {
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

size_t nb_offsets_of_byte(const uint8_t *bytes, size_t count, uint8_t byte, size_t *out, size_t capacity) {
    size_t found = 0;
    size_t i = 0;
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
