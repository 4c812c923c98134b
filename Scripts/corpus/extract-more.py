#!/usr/bin/env python3
"""Adds the corpus's readings by tools nianbao was not built against, beside the extractions generate.py made.

    pip install pdfplumber && python3 Scripts/corpus/extract-more.py [--corpus Fixtures/corpus]

For each <corpus>/<name>/report.pdf it writes:
  pdftotext-raw.txt        `pdftotext -raw` (content-stream order, unlike pdftotext's default reading order)
  pdfplumber.txt           pdfplumber's `page.extract_text()` (cells a space apart, no positions), pages joined by \\n
  pdfplumber-layout.txt    pdfplumber's `page.extract_text(layout=True)` (space-aligned columns)
and appends the tools' versions to <corpus>/TOOLS.txt.
"""
import argparse
import glob
import os
import subprocess

import pdfplumber


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="Fixtures/corpus")
    args = parser.parse_args()
    for pdf in sorted(glob.glob(os.path.join(args.corpus, "*", "report.pdf"))):
        directory = os.path.dirname(pdf)
        subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", pdf, os.path.join(directory, "pdftotext-raw.txt")], check=True)
        with pdfplumber.open(pdf) as document:
            for name, layout in [("pdfplumber.txt", False), ("pdfplumber-layout.txt", True)]:
                text = "\n".join((page.extract_text(layout=layout) or "") for page in document.pages)
                with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
                    f.write(text + "\n")
        print("extracted", directory, flush=True)
    with open(os.path.join(args.corpus, "TOOLS.txt"), encoding="utf-8") as f:
        tools = [line for line in f.read().splitlines() if not line.startswith(("pdfplumber", "more readings"))]
    tools += ["more readings with: python3 Scripts/corpus/extract-more.py (pdftotext -raw, pdfplumber)",
              f"pdfplumber {pdfplumber.__version__}"]
    with open(os.path.join(args.corpus, "TOOLS.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(tools) + "\n")


if __name__ == "__main__":
    main()
