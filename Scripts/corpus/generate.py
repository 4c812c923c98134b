#!/usr/bin/env python3
"""Generates the measurement corpus: synthetic 政府信息公开工作年度报告 with real extraction noise.

Each report is written as HTML with the official table layout (rowspans/colspans, narrow label columns so labels
wrap, varied fonts and widths, tables long enough to cross page breaks), rendered to PDF with LibreOffice, and
extracted with the tools users run: `pdftotext` (raw), `pdftotext -layout`, and `tesseract -l chi_sim` on
`pdftoppm -r 150` pages. Values are random but satisfy every identity of ../shared/templates.md; gold.json lists
every cell in the cell contract. The same --seed writes the same HTML and gold; the extracted texts are the same
for the same tool versions (recorded in Fixtures/corpus/TOOLS.txt).

Usage: python3 Scripts/corpus/generate.py [--seed 2026] [--count 32] [--out Fixtures/corpus] [--jobs 2]
Needs (Debian): libreoffice-writer poppler-utils tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk
"""
import argparse
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content  # noqa: E402  (prose, agencies, table layout data)


def generate_values(rng, edition):
    """Random table values satisfying every identity. Returns {(table, row, column): value}."""
    cells = {}
    parts = content.APPLICANT_COLUMNS[:-1]
    sparse = rng.random() < 0.4  # many small agencies have mostly-zero tables

    def count(high):
        if sparse and rng.random() < 0.7:
            return 0
        return rng.choice([0, 0, 1, 2, 3, rng.randint(0, high)])

    result_rows = content.result_rows(edition)
    totals = {c: 0 for c in parts}
    for row in result_rows:
        for c in parts:
            v = count(30 if "予以公开" in row else 8)
            cells[("requests", row, c)] = v
            totals[c] += v
    carried = {c: count(6) for c in parts}
    previous = {c: rng.randint(0, totals[c] + carried[c]) if rng.random() < 0.4 else 0 for c in parts}
    new = {c: totals[c] + carried[c] - previous[c] for c in parts}
    for c in parts:
        cells[("requests", content.TOTAL_ROW, c)] = totals[c]
        cells[("requests", content.CARRIED_ROW, c)] = carried[c]
        cells[("requests", content.PREVIOUS_ROW, c)] = previous[c]
        cells[("requests", content.NEW_ROW, c)] = new[c]
    for row in content.request_rows(edition):
        cells[("requests", row, "总计")] = sum(cells[("requests", row, c)] for c in parts)
    for group in content.REVIEW_GROUPS:
        values = [count(5) for _ in range(4)]
        for leaf, v in zip(content.REVIEW_LEAVES[:4], values):
            cells[("review", "", f"{group} / {leaf}")] = v
        cells[("review", "", f"{group} / 总计")] = sum(values)
    for item, columns, rows in content.active_layout(edition):
        for row in rows:
            for column in columns:
                key = ("active", f"{item} / {row}", column)
                if column == "本年增/减":
                    cells[key] = rng.choice([0, 0, rng.randint(-20, -1), rng.randint(1, 15)])
                elif column == "采购总金额":
                    cells[key] = round(rng.uniform(0, 900), 4) if rng.random() < 0.5 else round(rng.uniform(1000, 9e6), 2)
                elif column.startswith("本年收费金额"):
                    cells[key] = round(rng.uniform(0, 50), 4) if rng.random() < 0.6 else 0
                else:
                    cells[key] = rng.choice([0, rng.randint(0, 40), rng.randint(0, 1500)])
    return cells


def number(v):
    if isinstance(v, float):
        text = f"{v:.4f}".rstrip("0").rstrip(".") if abs(v) < 1000 else f"{v:.2f}"
        return text
    return str(v)


def write_html(rng, report):
    edition, cells, style = report["edition"], report["cells"], report["style"]
    blank_zeros = style["blank_zeros"]

    def td(text, **attrs):
        a = "".join(f' {k}="{v}"' for k, v in attrs.items())
        return f"<td{a}>{html.escape(str(text))}</td>"

    def value_cell(v, table):
        if v == 0 and blank_zeros and table == "requests":
            return td("")
        text = number(v)
        if isinstance(v, float) and style["money_unit"] and v >= 1000:
            text += "元"
        return td(text)

    out = [f'<html><head><meta charset="utf-8"><title>{html.escape(report["title"])}</title>',
           "<style>",
           f'body {{ font-family: "{style["font"]}"; font-size: {style["size"]}pt; }}',
           "table { border-collapse: collapse; } td { border: 1px solid #000; padding: 2px; }",
           "</style></head><body>",
           # LibreOffice's HTML import drops the body's first paragraph from the PDF text: an empty one goes first.
           "<p>&nbsp;</p>",
           f'<p align="center"><b>{html.escape(report["title"])}</b></p>']
    for paragraph in report["intro"]:
        out.append(f"<p>{html.escape(paragraph)}</p>")
    for heading, paragraphs in report["sections"][:1]:
        out.append(f"<p><b>{heading}</b></p>")
        out += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    # 表二
    out.append(f"<p><b>{content.SECTION_HEADINGS[1]}</b></p>")
    out.append('<table width="%d">' % style["table_width"])
    for item, columns, rows in content.active_layout(edition):
        out.append("<tr>" + td(item, colspan=4) + "</tr>")
        header = [td("信息内容")] + [td(report["labels"].get(c, c)) for c in columns]
        header += [td("")] * (3 - len(columns))
        out.append("<tr>" + "".join(header) + "</tr>")
        for row in rows:
            label = report["labels"].get(row, row)
            values = [value_cell(cells[("active", f"{item} / {row}", c)], "active") for c in columns]
            values += [td("")] * (3 - len(columns))
            out.append("<tr>" + td(label) + "".join(values) + "</tr>")
    out.append("</table>")
    # 表三
    out.append(f"<p><b>{content.SECTION_HEADINGS[2]}</b></p>")
    w = style["group_width"]
    out.append('<table width="%d">' % style["table_width"])
    head = "<thead>" if style["repeat_header"] else ""
    out.append(head + "<tr>" + td(content.HEADER_NOTE, rowspan=3, colspan=3, width=style["note_width"]) + td("申请人情况", colspan=7) + "</tr>")
    out.append("<tr>" + td("自然人", rowspan=2) + td("法人或其他组织", colspan=5) + td(report["labels"].get("总计", "总计"), rowspan=2) + "</tr>")
    out.append("<tr>" + "".join(td(report["labels"].get(c, c)) for c in content.APPLICANT_COLUMNS[1:6]) + "</tr>" + ("</thead>" if head else ""))

    def values(row):
        return "".join(value_cell(cells[("requests", row, c)], "requests") for c in content.APPLICANT_COLUMNS)

    rows = content.request_rows(edition)
    group_span = len([r for r in rows if r.startswith(content.RESULTS + " /")])
    emitted_group = False
    emitted_sub = set()
    for row in rows:
        parts = row.split(" / ")
        label = report["labels"].get(parts[-1], parts[-1])
        if len(parts) == 1:
            out.append("<tr>" + td(label, colspan=3) + values(row) + "</tr>")
            continue
        cells_html = ""
        if not emitted_group:
            cells_html += td(content.RESULTS, rowspan=group_span, width=w)
            emitted_group = True
        if len(parts) == 2:
            cells_html += td(label, colspan=2)
        else:
            sub = parts[1]
            if sub not in emitted_sub:
                span = len([r for r in rows if r.split(" / ")[1:2] == [sub]])
                cells_html += td(report["labels"].get(sub, sub), rowspan=span, width=w)
                emitted_sub.add(sub)
            cells_html += td(label)
        out.append("<tr>" + cells_html + values(row) + "</tr>")
    out.append("</table>")
    # 表四
    out.append(f"<p><b>{content.SECTION_HEADINGS[3]}</b></p>")
    out.append('<table width="%d">' % style["table_width"])
    out.append("<tr>" + td("行政复议", colspan=5) + td("行政诉讼", colspan=10) + "</tr>")
    out.append("<tr>" + "".join(td(x, rowspan=2) for x in content.REVIEW_LEAVES) + td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5) + "</tr>")
    out.append("<tr>" + "".join(td(x) for x in content.REVIEW_LEAVES * 2) + "</tr>")
    out.append("<tr>" + "".join(value_cell(cells[("review", "", f"{g} / {l}")], "review")
                                for g in content.REVIEW_GROUPS for l in content.REVIEW_LEAVES) + "</tr>")
    out.append("</table>")
    for heading, paragraphs in report["sections"][1:]:
        out.append(f"<p><b>{heading}</b></p>")
        out += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    out.append(f'<p align="right">{html.escape(report["agency"])}</p>')
    out.append("</body></html>")
    return "\n".join(out)


def make_report(rng, index):
    edition = "2019" if index % 2 == 0 else "2021"
    year = rng.choice([2019, 2020]) if edition == "2019" else rng.choice([2021, 2022, 2023, 2024])
    agency = content.agency(rng)
    labels = content.label_variants(rng, edition)
    style = {
        "font": rng.choice(["Noto Serif CJK SC", "Noto Sans CJK SC"]),
        "size": rng.choice([10.5, 11, 12, 14]),
        "table_width": rng.choice([520, 580, 640]),
        "group_width": rng.choice([28, 40, 60]),
        "note_width": rng.choice([90, 140, 200]),
        "repeat_header": rng.random() < 0.3,
        "blank_zeros": rng.random() < 0.15,
        "money_unit": rng.random() < 0.3,
    }
    cells = generate_values(rng, edition)
    report = {
        "id": f"c{index + 1:03d}_{edition}",
        "edition": edition, "year": year, "agency": agency,
        "title": f"{agency}{year}年政府信息公开工作年度报告",
        "intro": [content.intro(rng, agency, year, edition)],
        "sections": content.sections(rng, agency, year),
        "labels": labels, "style": style, "cells": cells,
    }
    return report


def gold(report):
    order = content.cell_order(report["edition"])
    cells = [{"table": t, "row": r, "column": c, "value": report["cells"][(t, r, c)]} for (t, r, c) in order]
    lines = ["{", f'  "agency": {json.dumps(report["agency"], ensure_ascii=False)},', f'  "year": {report["year"]},',
             f'  "edition": "{report["edition"]}",', '  "cells": [']
    lines += ["    " + json.dumps(c, ensure_ascii=False) + ("," if k + 1 < len(cells) else "") for k, c in enumerate(cells)]
    return "\n".join(lines + ["  ]", "}", ""])


def run(command, **kwargs):
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def extract(directory):
    pdf = os.path.join(directory, "report.pdf")
    run(["pdftotext", "-enc", "UTF-8", pdf, os.path.join(directory, "pdftotext.txt")])
    run(["pdftotext", "-enc", "UTF-8", "-layout", pdf, os.path.join(directory, "layout.txt")])
    with tempfile.TemporaryDirectory() as pages:
        run(["pdftoppm", "-r", "150", "-png", pdf, os.path.join(pages, "page")])
        texts = []
        for name in sorted(os.listdir(pages)):
            result = run(["tesseract", os.path.join(pages, name), "stdout", "-l", "chi_sim"],
                         env=dict(os.environ, OMP_THREAD_LIMIT="1"))
            texts.append(result.stdout.decode("utf-8"))
        with open(os.path.join(directory, "ocr150.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(texts))
    return directory


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--count", type=int, default=32)
    parser.add_argument("--out", default="Fixtures/corpus")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    for tool in ["soffice", "pdftotext", "pdftoppm", "tesseract"]:
        if shutil.which(tool) is None:
            sys.exit(f"generate.py: {tool} not found; apt-get install libreoffice-writer poppler-utils "
                     "tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk")
    rng = random.Random(args.seed)
    reports = [make_report(rng, k) for k in range(args.count)]
    with tempfile.TemporaryDirectory() as staging:
        for report in reports:
            directory = os.path.join(args.out, report["id"])
            os.makedirs(directory, exist_ok=True)
            page = write_html(rng, report)
            with open(os.path.join(directory, "report.html"), "w", encoding="utf-8") as f:
                f.write(page)
            with open(os.path.join(directory, "gold.json"), "w", encoding="utf-8") as f:
                f.write(gold(report))
            shutil.copy(os.path.join(directory, "report.html"), os.path.join(staging, report["id"] + ".html"))
        htmls = sorted(os.path.join(staging, n) for n in os.listdir(staging))
        run(["soffice", "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", staging] + htmls)
        for report in reports:
            shutil.copy(os.path.join(staging, report["id"] + ".pdf"), os.path.join(args.out, report["id"], "report.pdf"))
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for done in pool.map(extract, [os.path.join(args.out, r["id"]) for r in reports]):
            print("extracted", done, flush=True)
    versions = [run(["pdftotext", "-v"]).stderr.decode().splitlines()[0],
                run(["tesseract", "--version"]).stdout.decode().splitlines()[0],
                run(["soffice", "--version"]).stdout.decode().strip()]
    with open(os.path.join(args.out, "TOOLS.txt"), "w", encoding="utf-8") as f:
        f.write(f"generated with: python3 Scripts/corpus/generate.py --seed {args.seed} --count {args.count}\n")
        f.write("\n".join(versions) + "\n")


if __name__ == "__main__":
    main()
