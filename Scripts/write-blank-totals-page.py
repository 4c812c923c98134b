#!/usr/bin/env python3
"""Writes Fixtures/html/shanghai_2019_blank_totals/{page.html,gold.json}.

A page built like a real one: the 2019 report of a provincial government's general office, published as HTML
(its prose shortened; its tables' values and markup kept): 表三's groups are rowspan cells, its labels colspan
cells, blank cells `&nbsp;`, and most rows leave their 总计 blank. The gold is what the page prints, blanks as 0.
Run from the repository root: python3 Scripts/write-blank-totals-page.py
"""
import json
import os

OUT = "Fixtures/html/shanghai_2019_blank_totals"
NBSP = "&nbsp;"
GROUP = "三、本年度办理结果"
COLUMNS3 = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
# 表二: (item, header, rows of (label, printed values)).
ACTIVE = [
    ("第二十条第（一）项", ["信息内容", "本年新<br />制作数量", "本年新<br />公开数量", "对外公开总数量"],
     [("规章", ["13", "13", "524"]), ("规范性文件", ["60", "60", "368"])]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", ["0", "0", "0"]), ("其他对外管理服务事项", ["0", "0", "0"])]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", ["0", "0", "0"]), ("行政强制", ["0", "0", "0"])]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [("行政事业性收费", ["0", "0"])]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], [("政府集中采购", ["6", "251000元"])]),
]
ACTIVE_COLUMNS = {"第二十条第（一）项": ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                  "第二十条第（八）项": ["上一年项目数量", "本年增/减"], "第二十条第（九）项": ["采购项目数量", "采购总金额"]}
# 表三: (group label, item label, printed values; "" for a blank cell).
RESULTS = [
    ("（一）予以公开", None, ["258", "12", "", "", "1", "1", ""]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, ["3", "", "", "", "", "", ""]),
    ("（三）不予公开", "1.属于国家秘密", ["14", "", "", "", "", "", ""]),
    (None, "2.其他法律行政法规禁止公开", [""] * 7),
    (None, "3.危及“三安全一稳定”", [""] * 7),
    (None, "4.保护第三方合法权益", [""] * 7),
    (None, "5.属于三类内部事务信息", ["5", "", "", "", "", "", ""]),
    (None, "6.属于四类过程性信息", ["3", "1", "", "", "", "", ""]),
    (None, "7.属于行政执法案卷", [""] * 7),
    (None, "8.属于行政查询事项", ["10", "2", "", "", "", "", ""]),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", ["252", "12", "", "", "1", "", ""]),
    (None, "2.没有现成信息需要另行制作", ["44", "3", "", "", "", "", ""]),
    (None, "3.补正后申请内容仍不明确", ["25", "", "", "", "", "", ""]),
    ("（五）不予处理", "1.信访举报投诉类申请", ["148", "1", "", "", "", "", ""]),
    (None, "2.重复申请", ["5", "4", "", "", "", "", ""]),
    (None, "3.要求提供公开出版物", [""] * 7),
    (None, "4.无正当理由大量反复申请", [""] * 7),
    (None, "5.要求行政机关确认或重新出具已获取信息", [""] * 7),
    ("（六）其他处理", None, [""] * 7),
    ("（七）总计", None, ["767", "35", "", "", "2", "1", "805"]),
]
SPANS = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5}
NEW = ["821", "35", "", "", "2", "1", "859"]
CARRIED = ["18", "", "", "", "", "", "18"]
NEXT_YEAR = ["72", "", "", "", "", "", "72"]
REVIEW = ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]
REVIEW_COLUMNS = ([f"行政复议 / {c}" for c in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]]
                  + [f"行政诉讼 / {g} / {c}" for g in ["未经复议直接起诉", "复议后起诉"]
                     for c in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]])


def value_cell(v):
    return f'<td nowrap="nowrap"><p align="center">{v if v else NBSP}</p></td>'


def label_cell(text, attrs=""):
    return f'<td nowrap="nowrap"{attrs}><p>{text}</p></td>'


def page():
    t2 = []
    for item, header, rows in ACTIVE:
        t2.append(f'<tr><td colspan="5"><p align="center">{item}</p></td></tr>')
        t2.append("<tr>" + "".join(f'<td><p align="center">{h}</p></td>' for h in header) + "</tr>")
        t2 += ["<tr>" + label_cell(label) + "".join(map(value_cell, values)) + "</tr>" for label, values in rows]
    t3 = ['<tr><td colspan="3" rowspan="3"><p align="center">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td>'
          '<td colspan="7"><p align="center">申请人情况</p></td></tr>',
          '<tr><td rowspan="2"><p align="center">自然人</p></td><td colspan="5"><p align="center">法人或其他组织</p></td>'
          '<td rowspan="2"><p align="center">总计</p></td></tr>',
          "<tr>" + "".join(f'<td><p align="center">{c}</p></td>' for c in COLUMNS3[1:6]) + "</tr>"]
    for label, values in [("一、本年新收政府信息公开申请数量", NEW), ("二、上年结转政府信息公开申请数量", CARRIED)]:
        t3.append("<tr>" + label_cell(label, ' colspan="3"') + "".join(map(value_cell, values)) + "</tr>")
    for k, (group, item, values) in enumerate(RESULTS):
        cells = f'<td nowrap="nowrap" rowspan="20"><p align="center">{GROUP}</p></td>' if k == 0 else ""
        if group and item:
            cells += label_cell(group, f' rowspan="{SPANS[group]}"') + label_cell(item)
        elif group:
            cells += label_cell(group, ' colspan="2"')
        else:
            cells += label_cell(item)
        t3.append("<tr>" + cells + "".join(map(value_cell, values)) + "</tr>")
    t3.append("<tr>" + label_cell("四、结转下年度继续办理", ' colspan="3"') + "".join(map(value_cell, NEXT_YEAR)) + "</tr>")
    sub = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    t4 = ['<tr><td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr>',
          "<tr>" + "".join(f'<td rowspan="2"><p>{c}</p></td>' for c in sub)
          + '<td colspan="5"><p>未经复议直接起诉</p></td><td colspan="5"><p>复议后起诉</p></td></tr>',
          "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in sub * 2) + "</tr>",
          "<tr>" + "".join(f"<td><p>{v}</p></td>" if v else f"<td>{NBSP}</td>" for v in REVIEW) + "</tr>"]
    table = lambda rows: '<table border="1"><tbody>' + "".join(rows) + "</tbody></table>"
    return ('<html><head><meta charset="utf-8"></head><body><p style="text-align:center">2019年上海市人民政府办公厅政府信息公开工作年度报告</p>'
            "<p>一、总体情况</p><p>2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。</p>"
            "<p>二、主动公开政府信息情况</p>" + table(t2) + "<p>三、收到和处理政府信息公开申请情况</p>" + table(t3)
            + "<p><br />四、政府信息公开行政复议、行政诉讼情况</p>" + table(t4)
            + "<p>五、政府信息公开工作存在的主要问题及改进情况</p><p>一是新《条例》实施后，专业领域的理论学习仍需加强。</p>"
            "<p>六、其他需要报告的事项</p><p>无。</p></body></html>")


def gold():
    number = lambda v: int(v.replace("元", "")) if v else 0
    cells = []
    for item, header, rows in ACTIVE:
        columns = ACTIVE_COLUMNS.get(item, header[1:])
        for label, values in rows:
            cells += [{"table": "active", "row": f"{item} / {label}", "column": c, "value": number(v)} for c, v in zip(columns, values)]
    rows3 = [("一、本年新收政府信息公开申请数量", NEW), ("二、上年结转政府信息公开申请数量", CARRIED)]
    current = None
    for group, item, values in RESULTS:
        current = group or current
        rows3.append((f"{GROUP} / {current}" + (f" / {item}" if item else ""), values))
    rows3.append(("四、结转下年度继续办理", NEXT_YEAR))
    for row, values in rows3:
        cells += [{"table": "requests", "row": row, "column": c, "value": number(v)} for c, v in zip(COLUMNS3, values)]
    cells += [{"table": "review", "row": "", "column": c, "value": number(v)} for c, v in zip(REVIEW_COLUMNS, REVIEW)]
    return {"edition": "2019", "year": 2019, "cells": cells}


os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "page.html"), "w", encoding="utf-8") as f:
    f.write(page())
with open(os.path.join(OUT, "gold.json"), "w", encoding="utf-8") as f:
    json.dump(gold(), f, ensure_ascii=False, indent=1)
