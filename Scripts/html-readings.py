#!/usr/bin/env python3
"""Writes what common HTML-to-text tools make of the committed HTML pages: the text a scraper hands to nianbao.

    pip install beautifulsoup4 lxml html2text inscriptis trafilatura lxml_html_clean pandas tabulate
    apt-get install -y w3m lynx pandoc
    python3 Scripts/html-readings.py [--fixtures Fixtures]

For each hand-written page Fixtures/html/<name>/page.html it writes Fixtures/html/<name>/readings/<tool>.txt, and for
each report of both corpora (Fixtures/corpus and the held-out Fixtures/corpus-2027) five of them beside its
report.html: bs4-lines.txt, html2text.md, lynx.txt, w3m.txt and inscriptis.txt:
  bs4-lines      BeautifulSoup's `stripped_strings`, one per line (every cell on a line of its own; blank cells gone)
  bs4-get-text   BeautifulSoup's `get_text()` with no separator (cells run together: `规章000`)
  html2text      html2text's markdown (pipe tables without outer pipes, a spanning cell as a line of its own)
  inscriptis     inscriptis's text (tables laid out in space-aligned columns)
  pandoc-gfm     `pandoc -t gfm` (pipe tables; cells keep their `<span style=…>` tags)
  pandoc-plain   `pandoc -t plain` (tables drawn as simple tables with dashed rules)
  trafilatura    trafilatura's `extract(include_tables=True)` (cells joined by ` | `)
  w3m, lynx      `w3m -dump` and `lynx -dump` (tables laid out as the browser draws them)
  pandas-csv, pandas-md, pandas-str
                 the tables alone, as pandas reads them (`read_html`) and writes them (`to_csv`, `to_markdown`,
                 `to_string`): a header of column numbers, spanning cells repeated, missing values `nan`
"""
import argparse
import glob
import os
import subprocess

import io

import html2text
import inscriptis
import trafilatura
import pandas
from bs4 import BeautifulSoup


def run(command, html):
    return subprocess.run(command, input=html.encode(), capture_output=True, check=True).stdout.decode()


def html2text_markdown(html):
    converter = html2text.HTML2Text()
    converter.body_width = 0  # no wrapping: a scraper keeps lines as the page has them
    return converter.handle(html)


def pandas_tables(html, write):
    return "\n\n".join(write(frame) for frame in pandas.read_html(io.StringIO(html)))


TOOLS = {
    "bs4-lines": lambda h: "\n".join(BeautifulSoup(h, "lxml").stripped_strings) + "\n",
    "bs4-get-text": lambda h: BeautifulSoup(h, "lxml").get_text(),
    "html2text": html2text_markdown,
    "inscriptis": lambda h: inscriptis.get_text(h),
    "pandoc-gfm": lambda h: run(["pandoc", "-f", "html", "-t", "gfm", "--wrap=none"], h),
    "pandoc-plain": lambda h: run(["pandoc", "-f", "html", "-t", "plain", "--wrap=none"], h),
    "trafilatura": lambda h: trafilatura.extract(h, include_tables=True) or "",
    "w3m": lambda h: run(["w3m", "-dump", "-T", "text/html", "-cols", "200", "-I", "utf-8", "-O", "utf-8"], h),
    "lynx": lambda h: run(["lynx", "-dump", "-stdin", "-width=200", "-assume_charset=utf-8",
                           "-display_charset=utf-8", "-nolist"], h),
    "pandas-csv": lambda h: pandas_tables(h, lambda f: f.to_csv(index=False)),
    "pandas-md": lambda h: pandas_tables(h, lambda f: f.to_markdown(index=False)),
    "pandas-str": lambda h: pandas_tables(h, lambda f: f.to_string(index=False)),
}


# The corpora whose report pages are read too, and the readings written beside each report (tool: file name).
CORPORA = ["corpus", "corpus-2027"]
CORPUS_READINGS = {"bs4-lines": "bs4-lines.txt", "html2text": "html2text.md", "lynx": "lynx.txt", "w3m": "w3m.txt",
                   "inscriptis": "inscriptis.txt"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fixtures", default="Fixtures")
    args = parser.parse_args()
    for page in sorted(glob.glob(os.path.join(args.fixtures, "html", "*", "page.html"))):
        html = open(page, encoding="utf-8").read()
        readings = os.path.join(os.path.dirname(page), "readings")
        os.makedirs(readings, exist_ok=True)
        for tool, convert in TOOLS.items():
            with open(os.path.join(readings, tool + ".txt"), "w", encoding="utf-8") as f:
                f.write(convert(html))
    for corpus in CORPORA:
        for page in sorted(glob.glob(os.path.join(args.fixtures, corpus, "*", "report.html"))):
            html = open(page, encoding="utf-8").read()
            directory = os.path.dirname(page)
            for tool, name in CORPUS_READINGS.items():
                with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
                    f.write(TOOLS[tool](html))


if __name__ == "__main__":
    main()
