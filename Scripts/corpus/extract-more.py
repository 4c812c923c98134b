#!/usr/bin/env python3
"""Adds the corpus's readings by tools nianbao was not built against, beside the extractions generate.py made.

    pip install pdfplumber pymupdf pymupdf4llm pypdf pypdfium2 && python3 Scripts/corpus/extract-more.py
        [--corpus Fixtures/corpus] [--only raw,pdfplumber,tables,ocr,pymupdf,pypdf,pdfium,jpeg] [--nianbao .build/release/nianbao]

For each <corpus>/<name>/report.pdf it writes:
  pdftotext-raw.txt        `pdftotext -raw` (content-stream order, unlike pdftotext's default reading order)
  pdfplumber.txt           pdfplumber's `page.extract_text()` (cells a space apart, no positions), pages joined by \\n
  pdfplumber-layout.txt    pdfplumber's `page.extract_text(layout=True)` (space-aligned columns)
  pdfplumber-tables.tsv    pdfplumber's `page.extract_tables()` with the text strategy (the reports draw no ruling
                           lines), each row's cells joined by tabs, a cell's line breaks dropped, a blank line after
                           each table (`--only tables`): what a researcher who asks for the tables writes out
  ocr150-psm6.txt          pages at 150 dpi read by `tesseract -l chi_sim --psm 6` (one block of text: table rows
                           stay whole), tesseract's plain text; ocr150.txt (generate.py) is tesseract's default
                           page segmentation
  ocr150-boxes.txt         nianbao's own OCR of a scanned PDF (`nianbao extract --extractor ocr`): the same pages and
                           tesseract run, each word placed at its column from its box (`tsv` output)
  ocr150-jpeg-boxes.txt    the same OCR of the report as a poor scan: pages at 150 dpi, grey, saved as JPEG (Pillow,
                           quality 75) in an image-only PDF (`--only jpeg`; needs Pillow)
  pymupdf.txt              PyMuPDF's `page.get_text()` (spans joined as the PDF draws them; a label and its first
                           value can touch), pages joined by \n
  pymupdf4llm.md           pymupdf4llm's `to_markdown()`: markdown for LLM pipelines, tables as GFM pipe tables with
                           `<br>` inside cells, some tables as text
  pypdf.txt                pypdf's `page.extract_text()` (one cell a line, a report's blank cells gone), pages joined by \n
  pdfium.txt               pypdfium2's `get_textpage().get_text_range()` (PDFium: each text object a line, CRLF; an
                           item number apart from its point, a value's digits sometimes on two lines)
and appends the tools' versions to <corpus>/TOOLS.txt.
"""
import argparse
import glob
import os
import subprocess
import tempfile

import pdfplumber
import pymupdf
import pymupdf4llm
import pypdf
import pypdfium2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="Fixtures/corpus")
    parser.add_argument("--only", default="raw,pdfplumber,tables,ocr,pymupdf,pypdf,pdfium,jpeg", help="which readings to (re)write")
    parser.add_argument("--nianbao", default=".build/release/nianbao", help="the nianbao binary (swift build -c release)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    for pdf in sorted(glob.glob(os.path.join(args.corpus, "*", "report.pdf"))):
        directory = os.path.dirname(pdf)
        if "raw" in only:
            subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", pdf, os.path.join(directory, "pdftotext-raw.txt")], check=True)
        if "pymupdf" in only:
            with pymupdf.open(pdf) as document:
                with open(os.path.join(directory, "pymupdf.txt"), "w", encoding="utf-8") as f:
                    f.write("\n".join(page.get_text() for page in document))
            with open(os.path.join(directory, "pymupdf4llm.md"), "w", encoding="utf-8") as f:
                f.write(pymupdf4llm.to_markdown(pdf))
        if "pypdf" in only:
            with open(os.path.join(directory, "pypdf.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages))
        if "pdfium" in only:
            document = pypdfium2.PdfDocument(pdf)
            # newline="" keeps PDFium's CRLF line ends as the tool gives them.
            with open(os.path.join(directory, "pdfium.txt"), "w", encoding="utf-8", newline="") as f:
                f.write("\n".join(page.get_textpage().get_text_range() for page in document))
            document.close()
        if "pdfplumber" in only:
            with pdfplumber.open(pdf) as document:
                for name, layout in [("pdfplumber.txt", False), ("pdfplumber-layout.txt", True)]:
                    text = "\n".join((page.extract_text(layout=layout) or "") for page in document.pages)
                    with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
                        f.write(text + "\n")
        if "tables" in only:
            lines = []
            with pdfplumber.open(pdf) as document:
                for page in document.pages:
                    for table in page.extract_tables({"vertical_strategy": "text", "horizontal_strategy": "text"}):
                        for row in table:
                            lines.append("\t".join((cell or "").replace("\n", "") for cell in row))
                        lines.append("")
            with open(os.path.join(directory, "pdfplumber-tables.tsv"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        if "jpeg" in only:
            from PIL import Image
            with tempfile.TemporaryDirectory() as pages:
                subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", pdf, os.path.join(pages, "p")], check=True)
                images = [Image.open(os.path.join(pages, name)).convert("L") for name in sorted(os.listdir(pages))]
                scan = os.path.join(pages, "scan.pdf")
                images[0].save(scan, save_all=True, append_images=images[1:], resolution=150, quality=75)
                with open(os.path.join(directory, "ocr150-jpeg-boxes.txt"), "w", encoding="utf-8") as f:
                    f.write(subprocess.run([args.nianbao, "extract", "--extractor", "ocr", scan], check=True,
                                           capture_output=True).stdout.decode())
        if "ocr" not in only:
            print("extracted", directory, flush=True)
            continue
        with tempfile.TemporaryDirectory() as pages:
            subprocess.run(["pdftoppm", "-r", "150", "-png", pdf, os.path.join(pages, "p")], check=True)
            texts = []
            for name in sorted(os.listdir(pages)):
                texts.append(subprocess.run(["tesseract", os.path.join(pages, name), "stdout", "-l", "chi_sim", "--psm", "6"],
                                            check=True, capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}).stdout.decode())
            with open(os.path.join(directory, "ocr150-psm6.txt"), "w", encoding="utf-8") as f:
                f.write("".join(texts))
        with open(os.path.join(directory, "ocr150-boxes.txt"), "w", encoding="utf-8") as f:
            f.write(subprocess.run([args.nianbao, "extract", "--extractor", "ocr", pdf], check=True, capture_output=True).stdout.decode())
        print("extracted", directory, flush=True)
    with open(os.path.join(args.corpus, "TOOLS.txt"), encoding="utf-8") as f:
        tools = [line for line in f.read().splitlines()
                 if not line.startswith(("pdfplumber", "more readings", "PyMuPDF", "pypdf"))
                 and not (line.startswith("JPEG scans") and "jpeg" in only)]
    tools += ["more readings with: python3 Scripts/corpus/extract-more.py (pdftotext -raw, pdfplumber (text and tables), tesseract --psm 6, "
              "nianbao extract --extractor ocr, PyMuPDF, pymupdf4llm, pypdf, pypdfium2)",
              f"pdfplumber {pdfplumber.__version__}",
              f"PyMuPDF {pymupdf.VersionBind}, pymupdf4llm {pymupdf4llm.__version__}",
              f"pypdf {pypdf.__version__}, pypdfium2 {pypdfium2.version.PYPDFIUM_INFO}"]
    if "jpeg" in only:
        import PIL
        tools.append(f"JPEG scans (ocr150-jpeg-boxes.txt): Pillow {PIL.__version__}, quality 75")
    with open(os.path.join(args.corpus, "TOOLS.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(tools) + "\n")


if __name__ == "__main__":
    main()
