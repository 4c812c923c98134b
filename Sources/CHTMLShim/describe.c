// Walks libxml2's HTML tree and writes the flat description documented in nb_html.h.
#include "nb_html.h"
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buffer.h"
#include "xmltree.h"

static int is(const xmlNode *node, const char *name) {
    return node->type == XML_ELEMENT_NODE && node->name && strcasecmp((const char *)node->name, name) == 0;
}

static int is_dropped(const xmlNode *node) {
    return is(node, "script") || is(node, "style") || is(node, "nav") || is(node, "header") || is(node, "footer")
        || is(node, "noscript") || is(node, "iframe") || is(node, "select") || is(node, "head");
}

static int is_block(const xmlNode *node) {
    static const char *blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section", "article",
                                   "blockquote", "pre", "ul", "ol", "dd", "dt", "tr", "caption", "center", 0};
    for (int k = 0; blocks[k]; k++) if (is(node, blocks[k])) return 1;
    return 0;
}

/// Appends the text under `node` to `text`, whitespace (including &nbsp;) collapsed to single spaces.
static void gather(const xmlNode *node, Buffer *text) {
    for (const xmlNode *child = node; child; child = child->next) {
        if (is_dropped(child)) continue;
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            const unsigned char *s = child->content;
            if (!s) continue;
            for (size_t i = 0; s[i];) {
                int space = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f';
                int nbsp = s[i] == 0xC2 && s[i + 1] == 0xA0;
                int ideographic = s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80;
                if (space || nbsp || ideographic) {
                    if (text->length > 0 && text->data[text->length - 1] != ' ') put(text, " ", 1);
                    i += nbsp ? 2 : (ideographic ? 3 : 1);
                } else {
                    put(text, (const char *)s + i, 1);
                    i += 1;
                }
            }
        } else if (child->type == XML_ELEMENT_NODE) {
            if (is(child, "br") || is(child, "p") || is(child, "div")) {
                // A break inside a cell joins its parts (`本年新<br />制作数量`); between blocks, keep a space.
                if (!is(child, "br") && text->length > 0 && text->data[text->length - 1] != ' ') put(text, " ", 1);
            }
            gather(child->children, text);
        }
    }
}

/// Whether the text under `node` is a number: digits, with a point or thousands separators.
static int is_number_text(const xmlNode *node) {
    Buffer text = {0};
    gather(node, &text);
    size_t digits = 0, others = 0;
    for (size_t i = 0; i < text.length; i++) {
        char c = text.data[i];
        if (c >= '0' && c <= '9') digits++;
        else if (c != ' ' && c != '.' && c != ',') others++;
    }
    free(text.data);
    return digits > 0 && others == 0;
}

/// A <div> whose content is three or more inline elements and no text of its own, one of them a number: a row of a
/// table drawn with <div>s and <span>s.
static int is_cell_row(const xmlNode *node) {
    if (!is(node, "div")) return 0;
    int cells = 0, numbers = 0;
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE) {
            for (const unsigned char *s = child->content; s && *s; s++)
                if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return 0;
            continue;
        }
        if (child->type != XML_ELEMENT_NODE) continue;
        if (is_block(child) || is_dropped(child) || is(child, "table") || is(child, "pre")) return 0;
        cells++;
        if (is_number_text(child->children)) numbers++;
    }
    return cells >= 3 && numbers >= 1;
}

/// Appends the text under `node` as written (a <pre> block): spaces, tabs and line breaks kept, <br> a line break.
static void gather_verbatim(const xmlNode *node, Buffer *text) {
    for (const xmlNode *child = node; child; child = child->next) {
        if (is_dropped(child)) continue;
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content) puts_(text, (const char *)child->content);
        } else if (child->type == XML_ELEMENT_NODE) {
            if (is(child, "br")) put(text, "\n", 1);
            gather_verbatim(child->children, text);
        }
    }
}

/// One `L` record per line of a <pre> block (carriage returns dropped).
static void preformatted(const xmlNode *pre, Buffer *out) {
    Buffer text = {0};
    gather_verbatim(pre->children, &text);
    size_t start = 0;
    for (size_t i = 0; i <= text.length; i++) {
        if (i < text.length && text.data[i] != '\n') continue;
        size_t end = i;
        if (end > start && text.data[end - 1] == '\r') end--;
        puts_(out, "L\t");
        if (end > start) put(out, text.data + start, end - start);
        puts_(out, "\n");
        start = i + 1;
    }
    free(text.data);
}

static void trim_into(Buffer *out, Buffer *text) {
    size_t start = 0, end = text->length;
    while (start < end && text->data[start] == ' ') start++;
    while (end > start && text->data[end - 1] == ' ') end--;
    if (end > start) put(out, text->data + start, end - start);
}

static void flush_paragraph(Buffer *out, Buffer *paragraph) {
    size_t start = 0;
    while (start < paragraph->length && paragraph->data[start] == ' ') start++;
    if (start < paragraph->length) {
        puts_(out, "P\t");
        trim_into(out, paragraph);
        puts_(out, "\n");
    }
    paragraph->length = 0;
}

static int attribute_number(const xmlNode *node, const char *name) {
    xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
    if (!value) return 1;
    int n = atoi((const char *)value);
    xmlFree(value);
    return n >= 1 && n <= 1000 ? n : 1;
}

static void walk(const xmlNode *node, Buffer *out, Buffer *paragraph);

static void row(const xmlNode *tr, Buffer *out) {
    puts_(out, "R\n");
    for (const xmlNode *cell = tr->children; cell; cell = cell->next) {
        if (!is(cell, "td") && !is(cell, "th")) continue;
        char head[48];
        snprintf(head, sizeof head, "C%d,%d\t", attribute_number(cell, "rowspan"), attribute_number(cell, "colspan"));
        puts_(out, head);
        Buffer text = {0};
        gather(cell->children, &text);
        trim_into(out, &text);
        free(text.data);
        puts_(out, "\n");
    }
}

static void table(const xmlNode *node, Buffer *out) {
    puts_(out, "T\n");
    // Rows may sit in thead/tbody/tfoot or directly under table.
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (is(child, "thead") || is(child, "tbody") || is(child, "tfoot")) {
            for (const xmlNode *tr = child->children; tr; tr = tr->next) if (is(tr, "tr")) row(tr, out);
        } else if (is(child, "tr")) {
            row(child, out);
        }
    }
    puts_(out, "E\n");
}

/// An HTML table element (for `holds_table`).
static int is_table(const xmlNode *node) { return is(node, "table"); }

/// A layout table: each cell's content walked as a block of the page, so the tables inside come out as tables.
static void layout_table(const xmlNode *node, Buffer *out, Buffer *paragraph) {
    for (const xmlNode *child = node; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || is_dropped(child)) continue;
        if (is(child, "td") || is(child, "th")) {
            flush_paragraph(out, paragraph);
            walk(child->children, out, paragraph);
            flush_paragraph(out, paragraph);
        } else {
            layout_table(child->children, out, paragraph);  // tbody, tr
        }
    }
}

static void walk(const xmlNode *node, Buffer *out, Buffer *paragraph) {
    for (const xmlNode *child = node; child; child = child->next) {
        if (is_dropped(child)) continue;
        if (is(child, "table") && holds_table(child->children, is_table)) {
            flush_paragraph(out, paragraph);
            layout_table(child->children, out, paragraph);
            continue;
        }
        if (is(child, "table")) {
            flush_paragraph(out, paragraph);
            table(child, out);
            continue;
        }
        if (is(child, "pre")) {
            // Preformatted text (a pdftotext -layout page put on the web as is): its lines and column gaps are
            // the table's layout, so nothing is collapsed.
            flush_paragraph(out, paragraph);
            preformatted(child, out);
            continue;
        }
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            Buffer text = {0};
            xmlNode copy = *child;
            copy.next = NULL;
            gather(&copy, &text);
            if (text.length) put(paragraph, text.data, text.length);
            free(text.data);
            continue;
        }
        if (child->type != XML_ELEMENT_NODE) continue;
        if (is_cell_row(child)) {
            // A table drawn with <div> rows and inline cells (`<div class="tr"><span>规章</span><span>0</span>…`):
            // the cells a tab apart, as a table row, where the browser's CSS would have set them apart.
            flush_paragraph(out, paragraph);
            int first = 1;
            for (const xmlNode *cell = child->children; cell; cell = cell->next) {
                if (cell->type != XML_ELEMENT_NODE) continue;
                if (!first) put(paragraph, "\t", 1);
                first = 0;
                Buffer text = {0};
                gather(cell->children, &text);
                size_t a = 0, b = text.length;
                while (a < b && text.data[a] == ' ') a++;
                while (b > a && text.data[b - 1] == ' ') b--;
                if (b > a) put(paragraph, text.data + a, b - a);
                free(text.data);
            }
            flush_paragraph(out, paragraph);
            continue;
        }
        int block = is_block(child);
        if (block) flush_paragraph(out, paragraph);
        walk(child->children, out, paragraph);
        if (block) flush_paragraph(out, paragraph);
    }
}

/// The document's <title> element (under <head>), or NULL.
static const xmlNode *find_title(const xmlNode *node, int depth) {
    for (const xmlNode *child = node; child && depth < 4; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (is(child, "title")) return child;
        if (is(child, "html") || is(child, "head")) {
            const xmlNode *found = find_title(child->children, depth + 1);
            if (found) return found;
        }
    }
    return NULL;
}

int64_t nb_html_describe(const char *bytes, int64_t length, const char *encoding, char **out) {
    *out = NULL;
    if (length > INT32_MAX) return -1;
    htmlDocPtr doc = htmlReadMemory(bytes, (int)length, NULL, encoding,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return -1;
    Buffer result = {0};
    Buffer paragraph = {0};
    xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *title = root ? find_title(root, 0) : NULL;
    if (title) {
        // The page's <title> first, as its own record: a page whose body prints no title still names its report.
        Buffer text = {0};
        gather(title->children, &text);
        Buffer record = {0};
        trim_into(&record, &text);
        if (record.length) {
            put(&result, "H\t", 2);
            put(&result, record.data, record.length);
            put(&result, "\n", 1);
        }
        free(record.data);
        free(text.data);
    }
    if (root) walk(root, &result, &paragraph);
    flush_paragraph(&result, &paragraph);
    free(paragraph.data);
    xmlFreeDoc(doc);
    if (!result.data) { put(&result, "", 0); }
    *out = result.data;
    return (int64_t)result.length;
}

void nb_html_free(char *buffer) { free(buffer); }
