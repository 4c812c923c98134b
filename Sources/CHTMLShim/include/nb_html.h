// nb_html.h — the only HTML-facing header Swift sees: plain C types, no libxml2 types.
#ifndef NB_HTML_H
#define NB_HTML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Parses an HTML document with libxml2's tolerant HTML parser and writes a flat description of it as UTF-8 into a
/// buffer the caller frees with nb_html_free. One record per line:
///   `P\t<text>`                a block of text outside tables (paragraph, heading, list item, div)
///   `T` / `E`                  a table starts / ends
///   `R`                        a table row starts
///   `C<rowspan>,<colspan>\t<text>`   a cell (th or td) and its text, whitespace collapsed
///   `L\t<line>`                one line of a <pre> block outside tables, spaces and tabs kept as written
///   `H\t<text>`                the document's <title> (first, when it has one)
/// Text never contains a line feed, and only `L` lines contain tabs. Scripts, styles, navigation, headers and footers are dropped.
/// `encoding` may be NULL (libxml2 reads the page's meta charset, else assumes UTF-8... or Latin-1 per HTML rules).
/// Returns the number of bytes written to *out, or -1 when the document cannot be parsed at all.
int64_t nb_html_describe(const char *bytes, int64_t length, const char *encoding, char **out);

/// A Word document (.docx: a zip archive) described in the same records: each paragraph of word/document.xml a `P`
/// record, each table `T`, `R` and `C1,<gridSpan>` records (a vertically merged cell's continuation is an empty
/// cell), text as written with tabs and breaks as spaces. Tracked deletions and field codes are left out.
/// Returns the bytes written to *out (free with nb_html_free), or -1 when the bytes are no .docx.
int64_t nb_docx_describe(const char *bytes, int64_t length, char **out);

void nb_html_free(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
