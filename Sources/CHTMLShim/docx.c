// docx.c — a Word document (.docx) described in the records of nb_html.h: word/document.xml is found in the zip
// archive (central directory, then the entry's local header), inflated with zlib, parsed with libxml2's XML reader,
// and its paragraphs and tables written as P / T R C E records.
#include "nb_html.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buffer.h"
#include "xmltree.h"

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | ((uint32_t)p[1] << 8); }
static uint32_t le32(const unsigned char *p) { return le16(p) | (le16(p + 2) << 16); }

/// The largest document.xml inflated (a report's is well under a megabyte).
#define NB_DOCX_MAX_XML (64u << 20)

/// word/document.xml of a zip archive, inflated into a malloc'ed buffer; NULL when absent or damaged.
static unsigned char *document_xml(const unsigned char *zip, size_t size, size_t *length) {
    if (size < 22) return NULL;
    // End of central directory: its signature within the last 64 KB + 22 bytes (a comment may follow it).
    size_t low = size > 65557 ? size - 65557 : 0;
    size_t eocd = (size_t)-1;
    for (size_t i = size - 22 + 1; i-- > low;) {
        if (le32(zip + i) == 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd == (size_t)-1) return NULL;
    uint32_t entries = le16(zip + eocd + 10);
    size_t directory = le32(zip + eocd + 16);
    const char *wanted = "word/document.xml";
    size_t wanted_length = strlen(wanted);
    size_t at = directory;
    for (uint32_t e = 0; e < entries; e++) {
        if (at + 46 > size || le32(zip + at) != 0x02014b50) return NULL;
        uint32_t method = le16(zip + at + 10);
        size_t compressed = le32(zip + at + 20), uncompressed = le32(zip + at + 24);
        size_t name_length = le16(zip + at + 28), extra = le16(zip + at + 30), comment = le16(zip + at + 32);
        size_t local = le32(zip + at + 42);
        if (at + 46 + name_length > size) return NULL;
        if (name_length == wanted_length && memcmp(zip + at + 46, wanted, wanted_length) == 0) {
            if (local + 30 > size || le32(zip + local) != 0x04034b50) return NULL;
            size_t data = local + 30 + le16(zip + local + 26) + le16(zip + local + 28);
            if (data > size || compressed > size - data || uncompressed > NB_DOCX_MAX_XML) return NULL;
            unsigned char *out = malloc(uncompressed + 1);
            if (!out) return NULL;
            if (method == 0) {
                if (compressed != uncompressed) { free(out); return NULL; }
                memcpy(out, zip + data, uncompressed);
            } else if (method == 8) {
                z_stream stream;
                memset(&stream, 0, sizeof stream);
                if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) { free(out); return NULL; }
                stream.next_in = (Bytef *)(zip + data);
                stream.avail_in = (uInt)compressed;
                stream.next_out = out;
                stream.avail_out = (uInt)uncompressed;
                int status = inflate(&stream, Z_FINISH);
                size_t produced = stream.total_out;
                inflateEnd(&stream);
                if (status != Z_STREAM_END || produced != uncompressed) { free(out); return NULL; }
            } else {
                free(out);
                return NULL;
            }
            out[uncompressed] = 0;
            *length = uncompressed;
            return out;
        }
        at += 46 + name_length + extra + comment;
    }
    return NULL;
}

static int named(const xmlNode *node, const char *name) {
    return node->type == XML_ELEMENT_NODE && node->name && strcmp((const char *)node->name, name) == 0;
}

/// The text under `node`: w:t text, w:tab as a space, w:br as a space; spaces collapsed (cells and paragraphs are
/// one line each in the description).
static void runs(const xmlNode *node, Buffer *text) {
    for (const xmlNode *child = node; child; child = child->next) {
        if (named(child, "t") || named(child, "delText")) {
            if (named(child, "delText")) continue;  // text a tracked change deleted
            for (const xmlNode *t = child->children; t; t = t->next) {
                if (t->type != XML_TEXT_NODE || !t->content) continue;
                for (const unsigned char *s = t->content; *s; s++) {
                    if (*s == '\t' || *s == '\n' || *s == '\r') {
                        if (text->length && text->data[text->length - 1] != ' ') put(text, " ", 1);
                    } else {
                        put(text, (const char *)s, 1);
                    }
                }
            }
        } else if (named(child, "tab") || named(child, "br") || named(child, "cr")) {
            if (text->length && text->data[text->length - 1] != ' ') put(text, " ", 1);
        } else if (child->type == XML_ELEMENT_NODE && !named(child, "instrText") && !named(child, "Fallback")) {
            runs(child->children, text);  // hyperlinks, smart tags, content controls; not field codes, and not the
                                          // Fallback copy of mc:AlternateContent (its Choice holds the same text)
        }
    }
}

static void trimmed(Buffer *out, const Buffer *text) {
    size_t start = 0, end = text->length;
    while (start < end && text->data[start] == ' ') start++;
    while (end > start && text->data[end - 1] == ' ') end--;
    if (end > start) put(out, text->data + start, end - start);
}

static const xmlNode *child_named(const xmlNode *node, const char *name) {
    for (const xmlNode *c = node ? node->children : NULL; c; c = c->next) if (named(c, name)) return c;
    return NULL;
}

static const char *attribute(const xmlNode *node, const char *name) {
    for (xmlAttr *a = node ? node->properties : NULL; a; a = a->next) {
        if (a->name && strcmp((const char *)a->name, name) == 0 && a->children && a->children->content)
            return (const char *)a->children->content;
    }
    return NULL;
}

static void body(const xmlNode *node, Buffer *out);

static void table(const xmlNode *tbl, Buffer *out) {
    puts_(out, "T\n");
    for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
        if (!named(tr, "tr")) continue;
        puts_(out, "R\n");
        for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
            if (!named(tc, "tc")) continue;
            const xmlNode *properties = child_named(tc, "tcPr");
            int span = 1;
            const xmlNode *grid = child_named(properties, "gridSpan");
            const char *value = attribute(grid, "val");
            if (value) span = atoi(value) >= 1 && atoi(value) <= 1000 ? atoi(value) : 1;
            // A vertically merged cell's continuation is a covered position: an empty cell.
            const xmlNode *merge = child_named(properties, "vMerge");
            const char *how = attribute(merge, "val");
            int continuation = merge && (!how || strcmp(how, "continue") == 0);
            char head[48];
            snprintf(head, sizeof head, "C1,%d\t", span);
            puts_(out, head);
            if (!continuation) {
                Buffer text = {0};
                runs(tc->children, &text);
                trimmed(out, &text);
                free(text.data);
            }
            puts_(out, "\n");
        }
    }
    puts_(out, "E\n");
}

/// A Word table element, `w:tbl` (for `holds_table`).
static int is_table(const xmlNode *node) { return named(node, "tbl"); }

static void body(const xmlNode *node, Buffer *out) {
    for (const xmlNode *child = node; child; child = child->next) {
        if (named(child, "tbl") && holds_table(child->children, is_table)) {
            body(child->children, out);  // rows and cells as blocks: their paragraphs and inner tables
            continue;
        }
        if (named(child, "p")) {
            Buffer text = {0};
            runs(child->children, &text);
            Buffer line = {0};
            trimmed(&line, &text);
            if (line.length) {
                puts_(out, "P\t");
                put(out, line.data, line.length);
                puts_(out, "\n");
            }
            free(text.data);
            free(line.data);
        } else if (named(child, "tbl")) {
            table(child, out);
        } else if (child->type == XML_ELEMENT_NODE && !named(child, "Fallback")) {
            body(child->children, out);  // w:body, w:sdt, w:sdtContent, …
        }
    }
}

int64_t nb_docx_describe(const char *bytes, int64_t length, char **out) {
    *out = NULL;
    if (length < 0) return -1;
    size_t xml_length = 0;
    unsigned char *xml = document_xml((const unsigned char *)bytes, (size_t)length, &xml_length);
    if (!xml) return -1;
    xmlDocPtr doc = xml_length <= INT32_MAX
        ? xmlReadMemory((const char *)xml, (int)xml_length, NULL, "UTF-8", XML_PARSE_RECOVER | XML_PARSE_NOERROR
                        | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_HUGE)
        : NULL;
    free(xml);
    if (!doc) return -1;
    Buffer result = {0};
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root) body(root->children, &result);
    xmlFreeDoc(doc);
    if (!result.data) put(&result, "", 0);
    *out = result.data;
    return (int64_t)result.length;
}
