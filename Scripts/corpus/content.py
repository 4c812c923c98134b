"""Data for the corpus generator: table layouts (copied from ../shared/templates.md), agencies, label variants and
prose. Kept apart from generate.py so the layouts can be read on their own."""

SECTION_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
RESULTS = "三、本年度办理结果"
NEW_ROW = "一、本年新收政府信息公开申请数量"
PREVIOUS_ROW = "二、上年结转政府信息公开申请数量"
TOTAL_ROW = f"{RESULTS} / （七）总计"
CARRIED_ROW = "四、结转下年度继续办理"
REVIEW_GROUPS = ["行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉"]
REVIEW_LEAVES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def result_rows(edition):
    """The rows under 三、本年度办理结果 except （七）总计."""
    rows = [f"{RESULTS} / （一）予以公开", f"{RESULTS} / （二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    rows += [f"{RESULTS} / （三）不予公开 / {x}" for x in [
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]]
    rows += [f"{RESULTS} / （四）无法提供 / {x}" for x in [
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]]
    rows += [f"{RESULTS} / （五）不予处理 / {x}" for x in [
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息"]]
    if edition == "2019":
        rows.append(f"{RESULTS} / （六）其他处理")
    else:
        rows += [f"{RESULTS} / （六）其他处理 / {x}" for x in [
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]]
    return rows


def request_rows(edition):
    return [NEW_ROW, PREVIOUS_ROW] + result_rows(edition) + [TOTAL_ROW, CARRIED_ROW]


def active_layout(edition):
    if edition == "2019":
        return [
            ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
            ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
            ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
            ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], ["行政事业性收费"]),
            ("第二十条第（九）项", ["采购项目数量", "采购总金额"], ["政府集中采购"]),
        ]
    return [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
        ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
        ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
    ]


def cell_order(edition):
    order = []
    for item, columns, rows in active_layout(edition):
        order += [("active", f"{item} / {row}", c) for row in rows for c in columns]
    order += [("requests", row, c) for row in request_rows(edition) for c in APPLICANT_COLUMNS]
    order += [("review", "", f"{g} / {l}") for g in REVIEW_GROUPS for l in REVIEW_LEAVES]
    return order


# Variants real reports print instead of the canonical label (templates.md §4). The gold keeps the canonical label.
LABEL_VARIANTS = [
    ("社会公益组织", "社会组织", 0.15, None),
    ("法律服务机构", "法律服务", 0.1, None),
    ("总计", "合计", 0.08, None),
    ("行政规范性文件", "规范性文件", 0.25, "2021"),
    ("（六）其他处理", "（六）其他", 0.15, "2019"),
    ("2.其他法律行政法规禁止公开", "2.其他法律法规禁止公开", 0.15, None),
    ("四、结转下年度继续办理", "四、结转下一年度继续办理", 0.1, None),
    ("采购总金额", "采购总金额（单位：万元，保留4位小数）", 0.3, "2019"),
    ("本年收费金额（单位：万元）", "本年收费金额（单位：万元，保留4位小数）", 0.4, "2021"),
]


def label_variants(rng, edition):
    return {canonical: variant for canonical, variant, p, only in LABEL_VARIANTS
            if (only is None or only == edition) and rng.random() < p}


PLACES = ["青山", "河东", "金川", "平安", "新华", "东城", "西湖", "南岭", "北塘", "长宁", "永兴", "安康", "兴隆", "白云",
          "红旗", "清水", "石桥", "双河", "龙泉", "凤凰"]
KINDS = ["镇人民政府", "乡人民政府", "街道办事处", "县人民政府办公室", "区教育局", "县自然资源局", "市生态环境局",
         "区人力资源和社会保障局", "县交通运输局", "区卫生健康委员会", "市市场监督管理局", "县住房和城乡建设局"]
PREFIXES = ["", "", "某某市", "某某县", "某某区"]


def agency(rng):
    return rng.choice(PREFIXES) + rng.choice(PLACES) + rng.choice(KINDS)


def intro(rng, agency, year, edition):
    notice = "国办公开办函〔2019〕60号" if edition == "2019" else "国办公开办函〔2021〕30号"
    return (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
            f"关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（{notice}）要求编制。报告中所列数据的统计期限"
            f"自{year}年1月1日起至{year}年12月31日止。本报告电子版可在{agency}门户网站查阅或下载。如对本报告有疑问，"
            f"请与{agency}办公室联系。")


SENTENCES = [
    "{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署。",
    "全年通过政府门户网站主动公开政府信息{n1}条，其中政策文件{n2}件，工作动态{n3}条。",
    "严格落实“五公开”要求，将公开贯穿于决策、执行、管理、服务、结果全过程。",
    "规范依申请公开工作流程，做到受理、审查、答复等环节有据可查，确保在法定期限内答复。",
    "加强政府信息管理，对现行有效的规范性文件进行全面清理，及时公布清理结果。",
    "依托政务新媒体平台发布信息{n4}条，及时回应社会关切，解读重要政策{n5}次。",
    "开展政务公开业务培训{n6}次，参训人员{n7}人次，工作人员业务能力进一步提升。",
    "健全政务公开工作考核、社会评议和责任追究制度，将政务公开工作纳入年度绩效考核。",
    "推进基层政务公开标准化规范化建设，编制完善公开事项目录，覆盖重点领域{n6}个。",
    "畅通政府信息公开申请渠道，提供当面、信函、网络等多种申请方式。",
]
PROBLEMS = [
    "一是政策解读的形式还不够丰富，图解、视频等解读方式运用较少；二是部分工作人员对政务公开工作的认识有待提高。",
    "存在的主要问题：信息发布的及时性有待加强，公开内容的深度和广度还需拓展。",
    "下一步，我们将进一步加强组织领导，完善工作机制，加大培训力度，不断提升政务公开工作水平。",
]
OTHER = ["本年度未收取信息处理费。", "{year}年度，本机关未收取政府信息公开信息处理费。", "无其他需要报告的事项。"]


def fill(rng, sentence, agency, year):
    return sentence.format(agency=agency, year=year, n1=rng.randint(50, 900), n2=rng.randint(1, 60),
                           n3=rng.randint(20, 400), n4=rng.randint(10, 500), n5=rng.randint(1, 20),
                           n6=rng.randint(1, 12), n7=rng.randint(20, 300))


def paragraph(rng, agency, year, count):
    return "".join(fill(rng, s, agency, year) for s in rng.sample(SENTENCES, count))


def sections(rng, agency, year):
    overall = [paragraph(rng, agency, year, rng.randint(2, 4))]
    for sub in rng.sample(["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障"],
                          rng.randint(2, 5)):
        overall += [sub, paragraph(rng, agency, year, rng.randint(2, 5))]
    return [
        (SECTION_HEADINGS[0], overall),
        (SECTION_HEADINGS[4], [rng.choice(PROBLEMS), rng.choice(PROBLEMS)]),
        (SECTION_HEADINGS[5], [fill(rng, rng.choice(OTHER), agency, year)]),
    ]
