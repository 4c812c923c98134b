#!/usr/bin/env python3
"""Writes Fixtures/seeds/<name>/gold.json from the values below, which a person typed while reading each seed's
input.txt (see Fixtures/README.md for the readings of ambiguous places). Nothing here runs nianbao: the gold must
not come from the code it checks. The table layouts are copied from ../shared/templates.md.

Usage: python3 Scripts/write-seed-gold.py   (from the repository root)
"""
import json
import os

RESULTS = "三、本年度办理结果"
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
BEFORE_OTHER = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    f"{RESULTS} / （一）予以公开",
    f"{RESULTS} / （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
] + [f"{RESULTS} / （三）不予公开 / {x}" for x in [
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]] + [
    f"{RESULTS} / （四）无法提供 / {x}" for x in [
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]] + [
    f"{RESULTS} / （五）不予处理 / {x}" for x in [
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息"]]
AFTER_OTHER = [f"{RESULTS} / （七）总计", "四、结转下年度继续办理"]
OTHER_2019 = [f"{RESULTS} / （六）其他处理"]
OTHER_2021 = [f"{RESULTS} / （六）其他处理 / {x}" for x in [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]]
REVIEW = [f"{g} / {o}" for g in ["行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉"]
          for o in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]]

ACTIVE_2019 = [  # (item, columns, rows)
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], ["行政事业性收费"]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], ["政府集中采购"]),
]
ACTIVE_2021 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
    ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
]

# What a person read in each seed. Active values row by row in printed order; every 表三 and 表四 value of the
# five seeds is 0 (blank cells included: see Fixtures/README.md), so they are given as "all zero".
SEEDS = {
    "000_e6abb03ef6048be4": dict(agency="花马池镇", year=2019, edition="2019", active=[
        [0, 0, 0], [0, 0, 0],            # 规章, 规范性文件
        [3, 0, 0], [21, 0, 4],           # 行政许可, 其他对外管理服务事项
        [12, 0, 285], [7, 0, 0],         # 行政处罚, 行政强制
        [0, 0],                          # 行政事业性收费
        [0, 0],                          # 政府集中采购
    ]),
    "001_8df272ac7a397eaf": dict(agency="贺兰县习岗镇", year=2020, edition="2019", active=[
        [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0], [0, 0],
    ]),
    "002_6ca61234d061fe91": dict(agency="卧龙区蒲山镇", year=2022, edition="2021", active=[
        [0, 0, 0], [0, 0, 0],            # 规章, 行政规范性文件 (header lost 本年废止件数; three values each)
        [0],                             # 行政许可
        [0], [0],                        # 行政处罚, 行政强制
        [0],                             # 行政事业性收费
    ]),
    "003_b24edaa19e85be6d": dict(agency="田湖镇", year=2020, edition="2019", active=[
        [0, 0, 0], [0, 0, 0],
        [7, 0, 126], [87, 0, 1128],
        [79, 0, 271], [2, 0, 19],
        [0, 0],
        [1, 0.6579],                     # 政府集中采购: 1 project, 0.6579 (万元, as the header says)
    ]),
    "004_a13a2bdc07ef1417": dict(agency="新乡市卫滨区平原镇", year=2021, edition="2021", active=[
        [0, 0, 0], [0, 0, 0], [0], [0], [0], [0],
    ]),
}


def cells_for(seed):
    active = ACTIVE_2019 if seed["edition"] == "2019" else ACTIVE_2021
    cells = []
    values = iter(seed["active"])
    for item, columns, rows in active:
        for row in rows:
            row_values = next(values)
            assert len(row_values) == len(columns), (item, row)
            for column, value in zip(columns, row_values):
                cells.append({"table": "active", "row": f"{item} / {row}", "column": column, "value": value})
    rows = BEFORE_OTHER + (OTHER_2019 if seed["edition"] == "2019" else OTHER_2021) + AFTER_OTHER
    for row in rows:
        for column in COLUMNS:
            cells.append({"table": "requests", "row": row, "column": column, "value": 0})
    for column in REVIEW:
        cells.append({"table": "review", "row": "", "column": column, "value": 0})
    return cells


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "seeds")
    for name, seed in SEEDS.items():
        document = {"agency": seed["agency"], "year": seed["year"], "edition": seed["edition"],
                    "cells": cells_for(seed)}
        lines = ["{", f'  "agency": {json.dumps(seed["agency"], ensure_ascii=False)},',
                 f'  "year": {seed["year"]},', f'  "edition": "{seed["edition"]}",', '  "cells": [']
        for k, cell in enumerate(document["cells"]):
            comma = "," if k + 1 < len(document["cells"]) else ""
            lines.append("    " + json.dumps(cell, ensure_ascii=False) + comma)
        lines += ["  ]", "}", ""]
        with open(os.path.join(root, name, "gold.json"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        print(name, len(document["cells"]), "cells")


if __name__ == "__main__":
    main()
