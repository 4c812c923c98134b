#!/usr/bin/env python3
"""Writes each hand-written HTML page's report as a Word document (Fixtures/docx/<name>/report.docx), the way
agencies publish them as attachments: prose as paragraphs, each <table> as a Word table with its merged cells
(colspan → gridSpan, rowspan → vMerge). Needs `pip install python-docx`.

    python3 Scripts/write-docx.py
"""
import copy
import glob
import html
import os
import re
import shutil

import docx


def cells_of(table_html):
    """Rows of (text, rowspan, colspan)."""
    rows = []
    for tr in re.findall(r"(?is)<tr\b.*?</tr>", table_html):
        row = []
        for attrs, inner in re.findall(r"(?is)<t[dh]\b([^>]*)>(.*?)</t[dh]>", tr):
            rowspan = int((re.search(r'rowspan="?(\d+)', attrs) or [0, 1])[1])
            colspan = int((re.search(r'colspan="?(\d+)', attrs) or [0, 1])[1])
            text = re.sub(r"(?is)<br\s*/?>", "", inner)
            text = html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\xa0", " ").strip()
            row.append((text, rowspan, colspan))
        rows.append(row)
    return rows


def add_table(document, rows):
    # Lay the cells on a grid first (as a browser does), then merge in Word.
    grid = {}
    placed = []
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in grid:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = True
            placed.append((r, c, rowspan, colspan, text))
            c += colspan
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    table = document.add_table(rows=height, cols=width)
    table.style = "Table Grid"
    for r, c, rowspan, colspan, text in placed:
        cell = table.cell(r, c)
        if rowspan > 1 or colspan > 1:
            cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
        cell.text = text


def main():
    for page in sorted(glob.glob("Fixtures/html/*/page.html")):
        name = os.path.basename(os.path.dirname(page))
        source = open(page, encoding="utf-8").read()
        body = re.sub(r"(?is).*?<body[^>]*>", "", source, count=1)
        body = re.sub(r"(?is)<(script|style|nav|header|footer)\b.*?</\1>", "", body)
        document = docx.Document()
        for part in re.split(r"(?is)(<table\b.*?</table>)", body):
            if part.lower().startswith("<table"):
                add_table(document, cells_of(part))
                continue
            for block in re.split(r"(?is)</(?:p|div|h\d|li)>|<br\s*/?>", part):
                text = html.unescape(re.sub(r"<[^>]+>", "", block)).replace("\xa0", " ").strip()
                if text:
                    document.add_paragraph(text)
        out = os.path.join("Fixtures/docx", name)
        os.makedirs(out, exist_ok=True)
        document.save(os.path.join(out, "report.docx"))
        shutil.copy(os.path.join(os.path.dirname(page), "gold.json"), os.path.join(out, "gold.json"))
        print("wrote", out)
    # One report again with all its content inside a one-cell layout table (as some templates set a page).
    source = docx.Document("Fixtures/docx/d_zhen_2019/report.docx")
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for element in list(source.element.body):
        if not element.tag.endswith("}sectPr"):
            cell._tc.append(copy.deepcopy(element))
    out = "Fixtures/docx/d_zhen_2019_in_layout_table"
    os.makedirs(out, exist_ok=True)
    document.save(os.path.join(out, "report.docx"))
    shutil.copy("Fixtures/docx/d_zhen_2019/gold.json", os.path.join(out, "gold.json"))
    print("wrote", out)


if __name__ == "__main__":
    main()
