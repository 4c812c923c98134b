#!/usr/bin/env python3
"""The naive job, the way researchers write it today: a Python peer for nianbao's pipeline benchmark.

NFKC with `unicodedata`, regexes to find the three tables and split each row into a label and its numbers,
`rapidfuzz` to map the label onto the nearest template row. No repair, no identities: a row whose numbers do not
fill its columns is read as far as it goes. It reads the templates from `nianbao templates` (a JSON file), so both
tools know the same tables.

    python3 naive_peer.py --templates templates.json --jsonl < reports.jsonl > cells.jsonl
    python3 naive_peer.py --templates templates.json report.txt > cells.json

Input lines are {"id": ..., "text": ...}; output lines are {"id": ..., "edition", "cells": [...]} in the cell
contract of nianbao's README, so `nianbao score` scores them.
"""
import argparse
import json
import re
import sys
import unicodedata

from rapidfuzz import fuzz, process

HEADINGS = [
    ("active", re.compile(r"主动公开政府信息情况")),
    ("requests", re.compile(r"收到和处理政府信息公开申请情况")),
    ("review", re.compile(r"行政复议.?行政诉讼情况")),
    ("end", re.compile(r"存在的主要问题|其他需要报告的事项")),
]
EDITION_2021 = re.compile(r"本年制发件数|现行有效件数|本年处理决定数量|本年收费金额")
INVISIBLE = re.compile(r"[\u200b-\u200f\u00ad\ufeff\u2060]")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# A row: a label (no digits at its end), then numbers separated by white space.
ROW = re.compile(r"^\s*(?P<label>.*?[^\d\s.\-])\s+(?P<numbers>-?\d+(?:\.\d+)?(?:\s+-?\d+(?:\.\d+)?)*)\s*$")
CUTOFF = 70


def label_key(text):
    return "".join(c for c in text if c.isalnum())


class Templates:
    def __init__(self, path):
        self.editions = {}
        for t in json.load(open(path, encoding="utf-8")):
            active = [
                {"item": sub["item"], "key": label_key(sub["item"]), "columns": sub["columns"],
                 "rows": sub["rows"], "choices": [label_key(r["label"]) for r in sub["rows"]]}
                for sub in t["active"]
            ]
            rows = t["requests"]["rows"]
            self.editions[t["edition"]] = {
                "active": active,
                "request_rows": rows,
                "request_choices": [label_key(r["label"]) for r in rows],
                "request_columns": t["requests"]["columns"],
                "review_columns": t["review"]["columns"],
            }


def sections(text):
    """The text of each table: from its heading to the next heading."""
    found = []
    for name, pattern in HEADINGS:
        m = pattern.search(text)
        if m:
            found.append((m.end(), name))
    found.sort()
    out = {}
    for k, (start, name) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        out[name] = text[start:end]
    return out


def split_row(line):
    """A line as (label, numbers): tab-separated cells when it has tabs (an empty cell is 0, as a spreadsheet
    reads it), else a label followed by space-separated numbers. None when the line holds no numbers."""
    if "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
        label = "".join(c for c in cells if c and not NUMBER.fullmatch(c))
        last_label = max(k for k, c in enumerate(cells) if c and not NUMBER.fullmatch(c)) if label else 0
        numbers = cells[last_label + 1:]  # the cells after the label, blanks included, as a spreadsheet has them
        if not label or not any(numbers):
            return None
        return label, [float(n) if n else 0.0 for n in numbers]
    m = ROW.match(line)
    return (m.group("label"), [float(n) for n in m.group("numbers").split()]) if m else None


def rows_of(section):
    for line in section.split("\n"):
        row = split_row(line)
        if row:
            yield row


def value(v):
    return int(v) if v == int(v) else v


def extract(text, templates):
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    edition = "2021" if EDITION_2021.search(text) else "2019"
    t = templates.editions[edition]
    parts = sections(text)
    cells = []
    if "active" in parts:
        current = None
        for line in parts["active"].split("\n"):
            key = label_key(line)
            if key.startswith("第二十条"):
                hit = process.extractOne(key, [sub["key"] for sub in t["active"]], scorer=fuzz.ratio)
                current = t["active"][hit[2]] if hit else None
                continue
            parsed = split_row(line)
            if not parsed or current is None:
                continue
            label, numbers = parsed
            hit = process.extractOne(label_key(label), current["choices"], scorer=fuzz.ratio, score_cutoff=CUTOFF)
            if not hit:
                continue
            row = current["rows"][hit[2]]
            for column, v in zip(current["columns"], numbers[-len(current["columns"]):]):
                cells.append({"table": "active", "row": row["key"], "column": column, "value": value(v)})
    if "requests" in parts:
        seen = set()
        for label, numbers in rows_of(parts["requests"]):
            hit = process.extractOne(label_key(label), t["request_choices"], scorer=fuzz.ratio, score_cutoff=CUTOFF)
            if not hit or hit[2] in seen:
                continue
            seen.add(hit[2])
            row = t["request_rows"][hit[2]]
            for column, v in zip(t["request_columns"], numbers[-len(t["request_columns"]):]):
                cells.append({"table": "requests", "row": row["key"], "column": column, "value": value(v)})
    if "review" in parts:
        # The one row of 15 numbers: every number on lines that hold nothing else.
        numbers = []
        for line in parts["review"].split("\n"):
            if line.strip() and not re.search(r"[^\d\s.\-]", line):
                numbers += [float(n) for n in NUMBER.findall(line)]
        for column, v in zip(t["review_columns"], numbers):
            cells.append({"table": "review", "row": "", "column": column, "value": value(v)})
    return {"edition": edition, "cells": cells}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--templates", required=True, help="JSON written by `nianbao templates`")
    parser.add_argument("--jsonl", action="store_true", help="JSON Lines on stdin, one result line per input line")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    templates = Templates(args.templates)
    out = sys.stdout
    if args.jsonl:
        for line in sys.stdin:
            record = json.loads(line)
            result = extract(record["text"], templates)
            result["id"] = record.get("id")
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        for path in args.files:
            with open(path, encoding="utf-8", errors="replace") as f:
                out.write(json.dumps(extract(f.read(), templates), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
