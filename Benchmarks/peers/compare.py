#!/usr/bin/env python3
"""nianbao beside the naive Python peer, on the same inputs in one run: accuracy per input kind, and throughput.

    python3 Benchmarks/peers/compare.py            # from the repository root; builds nianbao in release if needed
    python3 Benchmarks/peers/compare.py --reports 2000 --rounds 5
    python3 Benchmarks/peers/compare.py --accuracy-only

Accuracy: every committed input kind (seeds, hand-written reports, corpus pdftotext / -layout / OCR text) scored
against its gold with `nianbao score`. Throughput: seed-sized reports (the five seeds repeated) as one JSON Lines
stream through `nianbao parse --jsonl` (one core, then two) and through the peer, best of --rounds, rounds
interleaved so that machine noise hits both alike. Needs `pip install rapidfuzz`.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PEER = os.path.join(ROOT, "Benchmarks", "peers", "naive_peer.py")

# (name, gold folder, input file name inside each report folder)
KINDS = [
    ("seeds (tab-separated)", "Fixtures/seeds", "input.txt"),
    ("hand-written reports", "Fixtures/handwritten", "input.txt"),
    ("corpus pdftotext -layout", "Fixtures/corpus", "layout.txt"),
    ("corpus pdftotext (raw)", "Fixtures/corpus", "pdftotext.txt"),
    ("corpus OCR 150 dpi", "Fixtures/corpus", "ocr150.txt"),
    ("corpus pdftotext -raw", "Fixtures/corpus", "pdftotext-raw.txt"),
    ("corpus pdfplumber text", "Fixtures/corpus", "pdfplumber.txt"),
    ("corpus pdfplumber layout", "Fixtures/corpus", "pdfplumber-layout.txt"),
    ("corpus OCR 150 dpi, tesseract --psm 6", "Fixtures/corpus", "ocr150-psm6.txt"),
    ("corpus OCR 150 dpi, nianbao's own (word boxes)", "Fixtures/corpus", "ocr150-boxes.txt"),
    ("corpus PyMuPDF get_text", "Fixtures/corpus", "pymupdf.txt"),
    ("corpus pymupdf4llm markdown", "Fixtures/corpus", "pymupdf4llm.md"),
    ("corpus OCR of JPEG scans, nianbao's own", "Fixtures/corpus", "ocr150-jpeg-boxes.txt"),
    ("corpus pypdf", "Fixtures/corpus", "pypdf.txt"),
    ("corpus PDFium (pypdfium2)", "Fixtures/corpus", "pdfium.txt"),
    ("corpus page, BeautifulSoup one string a line", "Fixtures/corpus", "bs4-lines.txt"),
    ("corpus page, html2text", "Fixtures/corpus", "html2text.md"),
    ("corpus page, lynx -dump", "Fixtures/corpus", "lynx.txt"),
]


def run(args, **kw):
    return subprocess.run(args, check=True, cwd=ROOT, **kw)


def score(nianbao, gold_dir, pred_dir):
    out = run([nianbao, "score", "--gold-dir", gold_dir, "--pred-dir", pred_dir, "--format", "json"],
              capture_output=True, text=True).stdout
    total = json.loads(out)["total"]
    return total["correct"] / total["gold"] if total["gold"] else 0.0


def accuracy(nianbao, templates, work):
    rows = []
    for kind, gold_dir, input_name in KINDS:
        names = sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(ROOT, gold_dir, "*", input_name)))
        if not names:
            continue
        ours = os.path.join(work, kind.replace(" ", "_") + ".nianbao")
        theirs = os.path.join(work, kind.replace(" ", "_") + ".peer")
        os.makedirs(ours)
        os.makedirs(theirs)
        records = []
        for name in names:
            path = os.path.join(gold_dir, name, input_name)
            result = subprocess.run([nianbao, "parse", path], cwd=ROOT, capture_output=True)
            if result.returncode in (0, 1):
                with open(os.path.join(ours, name + ".json"), "wb") as f:
                    f.write(result.stdout)
            with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
                records.append(json.dumps({"id": name, "text": f.read()}, ensure_ascii=False))
        peer = run([sys.executable, PEER, "--templates", templates, "--jsonl"], input="\n".join(records) + "\n",
                   capture_output=True, text=True).stdout
        for line in peer.splitlines():
            result = json.loads(line)
            with open(os.path.join(theirs, result["id"] + ".json"), "w", encoding="utf-8") as f:
                json.dump(result, f, ensure_ascii=False)
        rows.append((kind, len(names), score(nianbao, gold_dir, ours), score(nianbao, gold_dir, theirs)))
    return rows


def throughput(nianbao, templates, work, reports, rounds):
    seeds = sorted(glob.glob(os.path.join(ROOT, "Fixtures", "seeds", "*", "input.txt")))
    texts = [open(p, encoding="utf-8").read() for p in seeds]
    stream = os.path.join(work, "stream.jsonl")
    with open(stream, "w", encoding="utf-8") as f:
        for k in range(reports):
            f.write(json.dumps({"id": k, "text": texts[k % len(texts)]}, ensure_ascii=False) + "\n")
    megabytes = os.path.getsize(stream) / 1e6
    commands = {
        "nianbao parse --jsonl --jobs 1": [nianbao, "parse", "--jsonl", "--jobs", "1", "--quiet"],
        "nianbao parse --jsonl --jobs 2": [nianbao, "parse", "--jsonl", "--jobs", "2", "--quiet"],
        "Python peer (NFKC + regex + rapidfuzz)": [sys.executable, PEER, "--templates", templates, "--jsonl"],
    }
    best = {name: float("inf") for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            with open(stream, "rb") as source:
                start = time.perf_counter()
                subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
                best[name] = min(best[name], time.perf_counter() - start)
    return megabytes, best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nianbao", default=os.path.join(ROOT, ".build", "release", "nianbao"))
    parser.add_argument("--reports", type=int, default=1000, help="seed-sized reports in the throughput stream")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--accuracy-only", action="store_true", help="skip the throughput run")
    args = parser.parse_args()
    try:
        import rapidfuzz  # noqa: F401
    except ImportError:
        sys.exit("compare.py: the peer needs rapidfuzz: pip install rapidfuzz")
    if not os.path.exists(args.nianbao):
        run(["swift", "build", "-c", "release", "--product", "nianbao"])
    with tempfile.TemporaryDirectory() as work:
        templates = os.path.join(work, "templates.json")
        with open(templates, "wb") as f:
            f.write(run([args.nianbao, "templates"], capture_output=True).stdout)
        rows = accuracy(args.nianbao, templates, work)
        print("| input | reports | nianbao | Python peer |\n|---|---:|---:|---:|")
        for kind, count, ours, theirs in rows:
            print(f"| {kind} | {count} | {ours * 100:.2f} % | {theirs * 100:.2f} % |")
        if args.accuracy_only:
            return
        megabytes, best = throughput(args.nianbao, templates, work, args.reports, args.rounds)
        peer = best["Python peer (NFKC + regex + rapidfuzz)"]
        print(f"\nthroughput: {args.reports} seed-sized reports ({megabytes:.1f} MB of JSON Lines), best of {args.rounds}\n")
        print("| command | seconds | reports/s | ratio to the peer |\n|---|---:|---:|---:|")
        for name, seconds in best.items():
            print(f"| {name} | {seconds:.2f} | {args.reports / seconds:.0f} | {peer / seconds:.2f} |")


if __name__ == "__main__":
    main()
