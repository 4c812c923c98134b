#!/usr/bin/env python3
"""Writes Fixtures/html/<name>/{page.html, gold.json}: the hand-written reports of Fixtures/handwritten as HTML pages
in the styles government sites use, each with its own quirks (written out below, by hand, per page). The values
and gold are those of the hand-written report the page is named after.

Usage: python3 Scripts/write-html-pages.py   (from the repository root)
"""
import importlib.util
import json
import os
import shutil

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("hw", os.path.join(here, "write-handwritten-gold.py"))
hw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hw)
seedgold = hw.seedgold

CHROME = ('<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a></div>'
          '<script>var _hmt = _hmt || []; document.write("<table><tr><td>99</td></tr></table>");</script>'
          '<style>td { border: 1px solid #000 }</style>')


def cell(text, style):
    """A table cell in the page's style."""
    if style == "nested-p":
        return f'<td><p style="text-align:center"><span style="font-size:14px">{text}</span></p></td>'
    if style == "span-split" and len(text) > 4 and not text.replace(".", "").replace("-", "").isdigit():
        half = len(text) // 2
        return f'<td><span>{text[:half]}</span><font face="仿宋">{text[half:]}</font></td>'
    return f"<td>{text}</td>"


def value(v, style):
    if v == 0 and style in ("nbsp-blanks",):
        return "<td>&nbsp;</td>"
    text = str(int(v)) if float(v) == int(v) else str(v)
    return cell(text, style)


def page(name, r, style, preamble=""):
    edition = r["edition"]
    order, req = hw.requests(edition, r["requests"])
    active_layout = seedgold.ACTIVE_2019 if edition == "2019" else seedgold.ACTIVE_2021
    out = [f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{r["agency"]}{r["year"]}年政府信息公开工作年度报告</title></head><body>',
           CHROME, preamble,
           f'<h1 style="text-align:center">{r["agency"]}{r["year"]}年政府信息公开工作年度报告</h1>',
           "<p>　　本报告根据《中华人民共和国政府信息公开条例》编制。</p>",
           "<p><strong>一、总体情况</strong></p><p>　　本年度政务公开工作有序推进。</p>",
           "<p><strong>二、主动公开政府信息情况</strong></p><table border=\"1\">"]
    values = iter(r["active"])
    for item, columns, rows in active_layout:
        out.append(f'<tr>{cell(item, style).replace("<td>", "<td colspan=4>", 1)}</tr>')
        out.append("<tr>" + cell("信息内容", style) + "".join(cell(c, style) for c in columns) + "<td></td>" * (3 - len(columns)) + "</tr>")
        for row in rows:
            vs = next(values)
            out.append("<tr>" + cell(row, style) + "".join(value(v, style) for v in vs) + "<td></td>" * (3 - len(columns)) + "</tr>")
    out.append("</table>")
    out.append("<p><strong>三、收到和处理政府信息公开申请情况</strong></p><table border=\"1\">")
    out.append('<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>')
    out.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
    out.append("<tr>" + "".join(cell(c, style) for c in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
    results = [row for row in order if row.startswith(seedgold.RESULTS)]
    emitted_group, emitted_sub = False, set()
    for row in order:
        parts = row.split(" / ")
        vals = "".join(value(v, style) for v in req[row])
        if len(parts) == 1:
            out.append(f'<tr><td colspan="3">{parts[0]}</td>{vals}</tr>')
            continue
        html = ""
        if not emitted_group:
            html += f'<td rowspan="{len(results)}">{seedgold.RESULTS}</td>'
            emitted_group = True
        if len(parts) == 2:
            html += f'<td colspan="2">{parts[1]}</td>'
        else:
            if parts[1] not in emitted_sub:
                span = len([x for x in results if x.split(" / ")[1:2] == [parts[1]]])
                html += f'<td rowspan="{span}">{parts[1]}</td>'
                emitted_sub.add(parts[1])
            html += cell(parts[2], style)
        out.append(f"<tr>{html}{vals}</tr>")
    out.append("</table>")
    out.append("<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p><table border=\"1\">")
    out.append('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>')
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    out.append("<tr>" + "".join(f'<td rowspan="2">{x}</td>' for x in leaves) + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
    out.append("<tr>" + "".join(f"<td>{x}</td>" for x in leaves * 2) + "</tr>")
    out.append("<tr>" + "".join(value(v, style) for v in r["review"]) + "</tr></table>")
    out.append("<p><strong>五、存在的主要问题及改进情况</strong></p><p>　　将进一步加强工作。</p>")
    out.append("<p><strong>六、其他需要报告的事项</strong></p><p>　　无。</p>")
    out.append('<div class="footer">主办单位：某某县人民政府办公室 技术支持：某某公司</div></body></html>')
    return "\n".join(out)


OTHER_TABLES = ('<table><tr><td>栏目</td><td>更新时间</td></tr><tr><td>通知公告</td><td>2023-05-01</td></tr></table>'
                '<table><tr><td>索引号</td><td>11410000-2023-00012</td><td>发布机构</td><td>县政府办</td></tr>'
                '<tr><td>生成日期</td><td>2024-01-20</td><td>文号</td><td>无</td></tr></table>')

PAGES = {
    # nested <p><span> in every cell, as CMS editors paste from Word
    "a_jiaoyuju_2021": ("nested-p", ""),
    # labels split across <span> and <font>
    "b_shichangjianguan_2019": ("span-split", ""),
    # &nbsp; for every 0
    "c_jiedao_2021": ("nbsp-blanks", ""),
    # two unrelated tables (site index, document metadata) before the report
    "d_zhen_2019": ("plain", OTHER_TABLES),
    # everything at once
    "e_xianzhengfu_2021": ("span-split", OTHER_TABLES),
}


def main():
    root = os.path.join(here, "..", "Fixtures", "html")
    for name, (style, preamble) in PAGES.items():
        os.makedirs(os.path.join(root, name), exist_ok=True)
        with open(os.path.join(root, name, "page.html"), "w", encoding="utf-8") as f:
            f.write(page(name, hw.REPORTS[name], style, preamble))
        shutil.copy(os.path.join(here, "..", "Fixtures", "handwritten", name, "gold.json"), os.path.join(root, name, "gold.json"))
        print(name, style)


if __name__ == "__main__":
    main()
