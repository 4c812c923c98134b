import ReportModel

/// Both national editions, exactly as ../shared/templates.md gives them. A third edition is one more value here.
enum TemplateData {
    static let resultsGroup = "三、本年度办理结果"

    static let sectionHeadings = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]

    // MARK: 表三 columns (both editions)

    // `rarity`: the order in which the applicants' columns hold non-zero counts in reports, most often first. A
    // table that leaves its zeros blank, read by an extractor that drops blank cells, gives a row's non-zero values
    // without their columns; where the identities allow several columns alike, the aligner prefers the commoner
    // (and flags the cell as uncertain).
    static let requestColumns: [ColumnTemplate] = [
        // Most requests come from natural persons.
        ColumnTemplate(["申请人情况", "自然人"], rarity: 0),
        // The legal persons that apply most: companies (licences, procurement, land).
        ColumnTemplate(["申请人情况", "法人或其他组织", "商业企业"], rarity: 1),
        // Research institutions apply least of all.
        ColumnTemplate(["申请人情况", "法人或其他组织", "科研机构"], rarity: 5),
        ColumnTemplate(["申请人情况", "法人或其他组织", "社会公益组织"], aliases: [
            LabelAlias("社会公益", "header cut short (seed 001)"),
            LabelAlias("社会组织", "renamed (seeds 000, 004)"),
            LabelAlias("公益组织", "renamed"),
        ], rarity: 4),  // Public-interest organisations: seldom.
        ColumnTemplate(["申请人情况", "法人或其他组织", "法律服务机构"], aliases: [
            LabelAlias("法律服务", "header cut short (seed 001)"),
        ], rarity: 3),  // Law firms, on behalf of clients: now and then.
        // Other organisations (village committees, associations): after companies, the commonest legal persons.
        ColumnTemplate(["申请人情况", "法人或其他组织", "其他"], rarity: 2),
        ColumnTemplate(["申请人情况", "总计"], aliases: [LabelAlias("合计", "合计 for 总计")]),
    ]

    // MARK: 表三 rows

    static func row(_ path: String..., aliases: [LabelAlias] = []) -> RowTemplate { RowTemplate(path, aliases: aliases) }

    static let requestRowsBeforeOther: [RowTemplate] = [
        row("一、本年新收政府信息公开申请数量"),
        row("二、上年结转政府信息公开申请数量"),
        row(resultsGroup, "（一）予以公开"),
        row(resultsGroup, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        row(resultsGroup, "（三）不予公开", "1.属于国家秘密", aliases: [LabelAlias("国家秘密", "shortened label")]),
        row(resultsGroup, "（三）不予公开", "2.其他法律行政法规禁止公开", aliases: [
            LabelAlias("其他法律法规禁止公开", "行政 dropped (seed 003)"),
        ]),
        row(resultsGroup, "（三）不予公开", "3.危及“三安全一稳定”"),
        row(resultsGroup, "（三）不予公开", "4.保护第三方合法权益", aliases: [LabelAlias("第三方合法权益", "shortened label")]),
        row(resultsGroup, "（三）不予公开", "5.属于三类内部事务信息"),
        row(resultsGroup, "（三）不予公开", "6.属于四类过程性信息"),
        row(resultsGroup, "（三）不予公开", "7.属于行政执法案卷"),
        row(resultsGroup, "（三）不予公开", "8.属于行政查询事项"),
        row(resultsGroup, "（四）无法提供", "1.本机关不掌握相关政府信息"),
        row(resultsGroup, "（四）无法提供", "2.没有现成信息需要另行制作"),
        row(resultsGroup, "（四）无法提供", "3.补正后申请内容仍不明确"),
        row(resultsGroup, "（五）不予处理", "1.信访举报投诉类申请"),
        row(resultsGroup, "（五）不予处理", "2.重复申请"),
        row(resultsGroup, "（五）不予处理", "3.要求提供公开出版物"),
        row(resultsGroup, "（五）不予处理", "4.无正当理由大量反复申请"),
        row(resultsGroup, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ]

    static let requestRowsAfterOther: [RowTemplate] = [
        row(resultsGroup, "（七）总计", aliases: [LabelAlias("（七）合计", "合计 for 总计")]),
        row("四、结转下年度继续办理", aliases: [
            LabelAlias("结转下一年", "shortened label"),
            LabelAlias("结转下一年度继续办理", "variant wording"),
        ]),
    ]

    // MARK: 表四 columns (both editions)

    static let reviewColumns: [ColumnTemplate] = {
        let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        return outcomes.map { ColumnTemplate(["行政复议", $0]) }
            + outcomes.map { ColumnTemplate(["行政诉讼", "未经复议直接起诉", $0]) }
            + outcomes.map { ColumnTemplate(["行政诉讼", "复议后起诉", $0]) }
    }()

    // MARK: The 2019 edition (国办公开办函〔2019〕60号)

    static let edition2019 = ReportTemplate(
        edition: .edition2019,
        sectionHeadings: sectionHeadings,
        active: [
            ActiveSubtable(
                item: "第二十条第（一）项",
                columns: [ColumnTemplate(["本年新制作数量"]), ColumnTemplate(["本年新公开数量"]), ColumnTemplate(["对外公开总数量"])],
                rows: [row("规章"), row("规范性文件")]),
            ActiveSubtable(
                item: "第二十条第（五）项",
                columns: [ColumnTemplate(["上一年项目数量"]), ColumnTemplate(["本年增/减"]), ColumnTemplate(["处理决定数量"])],
                rows: [row("行政许可"), row("其他对外管理服务事项")]),
            ActiveSubtable(
                item: "第二十条第（六）项",
                columns: [ColumnTemplate(["上一年项目数量"]), ColumnTemplate(["本年增/减"]), ColumnTemplate(["处理决定数量"])],
                rows: [row("行政处罚"), row("行政强制")]),
            ActiveSubtable(
                item: "第二十条第（八）项",
                columns: [ColumnTemplate(["上一年项目数量"]), ColumnTemplate(["本年增/减"])],
                rows: [row("行政事业性收费")]),
            ActiveSubtable(
                item: "第二十条第（九）项",
                columns: [ColumnTemplate(["采购项目数量"]), ColumnTemplate(["采购总金额"], aliases: [
                    LabelAlias("采购总金额（单位：万元，保留4位小数）", "unit in the header (seed 003)"),
                ])],
                rows: [row("政府集中采购")]),
        ],
        // The 2019 （六）其他处理 is a single row with no sub-rows.
        requestRows: requestRowsBeforeOther
            + [row(resultsGroup, "（六）其他处理", aliases: [LabelAlias("（六）其他", "heading cut short")])]
            + requestRowsAfterOther,
        requestColumns: requestColumns,
        reviewColumns: reviewColumns)

    // MARK: The 2021 edition (国办公开办函〔2021〕30号)

    static let edition2021 = ReportTemplate(
        edition: .edition2021,
        sectionHeadings: sectionHeadings,
        active: [
            ActiveSubtable(
                item: "第二十条第（一）项",
                columns: [ColumnTemplate(["本年制发件数"]), ColumnTemplate(["本年废止件数"]), ColumnTemplate(["现行有效件数"])],
                rows: [row("规章"), row("行政规范性文件", aliases: [LabelAlias("规范性文件", "2019 wording in a 2021 table (seed 002)")])]),
            ActiveSubtable(
                item: "第二十条第（五）项",
                columns: [ColumnTemplate(["本年处理决定数量"])],
                rows: [row("行政许可")]),
            ActiveSubtable(
                item: "第二十条第（六）项",
                columns: [ColumnTemplate(["本年处理决定数量"])],
                rows: [row("行政处罚"), row("行政强制")]),
            ActiveSubtable(
                item: "第二十条第（八）项",
                columns: [ColumnTemplate(["本年收费金额（单位：万元）"], aliases: [
                    LabelAlias("本年收费金额（单位：万元，保留4位小数）", "precision note in the header (seeds 002, 004)"),
                ])],
                rows: [row("行政事业性收费")]),
        ],
        requestRows: requestRowsBeforeOther + [
            row(resultsGroup, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", aliases: [
                LabelAlias("逾期不补正", "shortened label"),
            ]),
            row(resultsGroup, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", aliases: [
                LabelAlias("逾期未缴费", "shortened label"),
            ]),
            row(resultsGroup, "（六）其他处理", "3.其他"),
        ] + requestRowsAfterOther,
        requestColumns: requestColumns,
        reviewColumns: reviewColumns)
}
