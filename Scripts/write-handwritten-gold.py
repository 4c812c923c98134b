#!/usr/bin/env python3
"""Writes Fixtures/handwritten/<name>/gold.json from the values typed below: the values a person put into each
hand-written input.txt. The script only lays them out and checks every identity (it never runs nianbao).

Usage: python3 Scripts/write-handwritten-gold.py   (from the repository root)
"""
import importlib.util
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("seedgold", os.path.join(here, "write-seed-gold.py"))
seedgold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(seedgold)

Z = [0, 0, 0, 0, 0, 0]


def requests(edition, rows):
    """rows: {short name: six applicant values}; the 总计 column is their sum (checked below)."""
    order = seedgold.BEFORE_OTHER + (seedgold.OTHER_2019 if edition == "2019" else seedgold.OTHER_2021) + seedgold.AFTER_OTHER
    out = {}
    for row in order:
        six = rows.get(row.split(" / ")[-1], Z)
        out[row] = six + [sum(six)]
    return order, out


REPORTS = {
    # A: a county education bureau, 2021 edition, tab-separated like the seeds, markdown, variants (社会组织, 合计).
    "a_jiaoyuju_2021": dict(agency="某某县教育局", year=2021, edition="2021",
        active=[[0, 0, 0], [3, 1, 12], [45], [2], [0], [0]],
        requests={"一、本年新收政府信息公开申请数量": [14, 2, 0, 1, 0, 0], "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 0],
                  "（一）予以公开": [8, 1, 0, 0, 0, 0], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [2, 0, 0, 0, 0, 0],
                  "3.危及“三安全一稳定”": [1, 0, 0, 0, 0, 0], "1.本机关不掌握相关政府信息": [3, 0, 0, 1, 0, 0],
                  "1.信访举报投诉类申请": [0, 1, 0, 0, 0, 0], "（七）总计": [14, 2, 0, 1, 0, 0],
                  "四、结转下年度继续办理": [1, 0, 0, 0, 0, 0]},
        review=[1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]),
    # B: a district market regulator, 2019 edition, columns separated by single spaces (text copied from a web page).
    "b_shichangjianguan_2019": dict(agency="某某区市场监督管理局", year=2019, edition="2019",
        active=[[0, 0, 0], [2, 2, 15], [1203, -4, 986], [17, 0, 233], [56, 3, 412], [4, 0, 7], [3, -1], [6, 1286450.75]],
        requests={"一、本年新收政府信息公开申请数量": [20, 5, 0, 0, 2, 1], "二、上年结转政府信息公开申请数量": [2, 0, 0, 0, 0, 0],
                  "（一）予以公开": [12, 3, 0, 0, 1, 0], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [3, 0, 0, 0, 0, 0],
                  "4.保护第三方合法权益": [1, 1, 0, 0, 0, 0], "1.本机关不掌握相关政府信息": [2, 0, 0, 0, 1, 0],
                  "2.没有现成信息需要另行制作": [1, 0, 0, 0, 0, 0], "2.重复申请": [1, 0, 0, 0, 0, 1],
                  "（七）总计": [20, 4, 0, 0, 2, 1], "四、结转下年度继续办理": [2, 1, 0, 0, 0, 0]},
        review=[2, 1, 0, 0, 3, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1]),
    # C: a sub-district office, 2021 edition, tables as markdown pipe tables (a PDF-to-markdown converter).
    "c_jiedao_2021": dict(agency="某某街道办事处", year=2022, edition="2021",
        active=[[0, 0, 0], [0, 0, 2], [0], [0], [0], [0]],
        requests={"一、本年新收政府信息公开申请数量": [3, 0, 0, 0, 0, 0], "（一）予以公开": [2, 0, 0, 0, 0, 0],
                  "3.要求提供公开出版物": [1, 0, 0, 0, 0, 0], "（七）总计": [3, 0, 0, 0, 0, 0]},
        review=[0] * 15),
    # D: a township, 2019 edition: full-width digits, ASCII parentheses, lost leading tabs, `-` for empty cells.
    "d_zhen_2019": dict(agency="某某镇人民政府", year=2020, edition="2019",
        active=[[0, 0, 0], [1, 1, 6], [12, 2, 87], [5, 0, 40], [3, 0, 11], [0, 0, 0], [0, 0], [2, 38.5]],
        requests={"一、本年新收政府信息公开申请数量": [5, 0, 0, 0, 0, 0], "（一）予以公开": [3, 0, 0, 0, 0, 0],
                  "1.本机关不掌握相关政府信息": [1, 0, 0, 0, 0, 0], "1.信访举报投诉类申请": [1, 0, 0, 0, 0, 0],
                  "（七）总计": [5, 0, 0, 0, 0, 0]},
        review=[1, 0, 0, 0, 1] + [0] * 10),
    # E: a county government office, 2021 edition, OCR-like damage (E、 for 三、, 西、 for 四、, o for 0), a footer and
    # the header repeated inside the table.
    "e_xianzhengfu_2021": dict(agency="某某县人民政府办公室", year=2023, edition="2021",
        active=[[1, 0, 4], [9, 3, 57], [2316], [148], [12], [35.2146]],
        requests={"一、本年新收政府信息公开申请数量": [41, 8, 1, 2, 3, 4], "二、上年结转政府信息公开申请数量": [5, 1, 0, 0, 0, 0],
                  "（一）予以公开": [20, 4, 1, 1, 2, 2], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [5, 1, 0, 0, 0, 0],
                  "1.属于国家秘密": [1, 0, 0, 0, 0, 0], "5.属于三类内部事务信息": [2, 0, 0, 0, 0, 0],
                  "6.属于四类过程性信息": [1, 0, 0, 0, 0, 0], "1.本机关不掌握相关政府信息": [8, 2, 0, 1, 1, 1],
                  "2.没有现成信息需要另行制作": [2, 0, 0, 0, 0, 0], "1.信访举报投诉类申请": [3, 0, 0, 0, 0, 0],
                  "2.重复申请": [1, 0, 0, 0, 0, 0],
                  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [0, 1, 0, 0, 0, 0],
                  "（七）总计": [43, 8, 1, 2, 3, 3], "四、结转下年度继续办理": [3, 1, 0, 0, 0, 1]},
        review=[3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 0, 0, 0, 1]),
}


def main():
    root = os.path.join(here, "..", "Fixtures", "handwritten")
    for name, r in REPORTS.items():
        active_layout = seedgold.ACTIVE_2019 if r["edition"] == "2019" else seedgold.ACTIVE_2021
        cells = []
        values = iter(r["active"])
        for item, columns, rows in active_layout:
            for row in rows:
                vs = next(values)
                assert len(vs) == len(columns), (name, row)
                cells += [{"table": "active", "row": f"{item} / {row}", "column": c, "value": v} for c, v in zip(columns, vs)]
        order, req = requests(r["edition"], r["requests"])
        for row in order:
            cells += [{"table": "requests", "row": row, "column": c, "value": v} for c, v in zip(seedgold.COLUMNS, req[row])]
        # Identities: （七）总计 = sum of results; 一 + 二 = （七） + 四, per column.
        results = [row for row in order if row.startswith(seedgold.RESULTS) and not row.endswith("（七）总计")]
        total = f"{seedgold.RESULTS} / （七）总计"
        for c in range(7):
            assert sum(req[row][c] for row in results) == req[total][c], (name, "（七）", c)
            assert req[order[0]][c] + req[order[1]][c] == req[total][c] + req["四、结转下年度继续办理"][c], (name, "一+二", c)
        for g in range(3):
            group = r["review"][g * 5:(g + 1) * 5]
            assert sum(group[:4]) == group[4], (name, "review", g)
        cells += [{"table": "review", "row": "", "column": c, "value": v} for c, v in zip(seedgold.REVIEW, r["review"])]
        os.makedirs(os.path.join(root, name), exist_ok=True)
        lines = ["{", f'  "agency": {json.dumps(r["agency"], ensure_ascii=False)},', f'  "year": {r["year"]},',
                 f'  "edition": "{r["edition"]}",', '  "cells": [']
        lines += ["    " + json.dumps(c, ensure_ascii=False) + ("," if k + 1 < len(cells) else "") for k, c in enumerate(cells)]
        with open(os.path.join(root, name, "gold.json"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines + ["  ]", "}", ""]))
        print(name, len(cells), "cells")


if __name__ == "__main__":
    main()
