// buffer.h — the growable byte buffer both describers (describe.c for pages, docx.c for Word files) write into.
// Internal to CHTMLShim: not in include/, so Swift never sees it.
#ifndef NB_BUFFER_H
#define NB_BUFFER_H

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t length;
    size_t capacity;
} Buffer;

/// Appends n bytes, keeping the data NUL-terminated; a failed allocation drops the bytes (the caller's output is
/// then shorter, never corrupt).
static inline void put(Buffer *b, const char *s, size_t n) {
    if (b->length + n + 1 > b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 4096;
        while (capacity < b->length + n + 1) capacity *= 2;
        char *grown = realloc(b->data, capacity);
        if (!grown) return;
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, s, n);
    b->length += n;
    b->data[b->length] = 0;
}

static inline void puts_(Buffer *b, const char *s) { put(b, s, strlen(s)); }

#endif
