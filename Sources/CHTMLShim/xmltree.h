// xmltree.h — tree questions both describers (describe.c for pages, docx.c for Word files) ask of libxml2 trees.
// Internal to CHTMLShim: not in include/, so Swift never sees it.
#ifndef NB_XMLTREE_H
#define NB_XMLTREE_H

#include <libxml/tree.h>

/// Whether an element among `node` and its following siblings, or below them, is one `is_table` accepts: a table
/// that holds another table in its cells is a layout table (old sites set whole pages in one; Word documents nest
/// tables the same way), whose cells are blocks of the page rather than cells of a report table.
static inline int holds_table(const xmlNode *node, int (*is_table)(const xmlNode *)) {
    for (const xmlNode *child = node; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (is_table(child) || holds_table(child->children, is_table)) return 1;
    }
    return 0;
}

#endif
