/// The national table template a report follows.
public enum Edition: String, Codable, Sendable, CaseIterable, Hashable {
    /// 国办公开办函〔2019〕60号: reports for 2019 and 2020.
    case edition2019 = "2019"
    /// 国办公开办函〔2021〕30号: reports for 2021 onward.
    case edition2021 = "2021"
}

/// The three tables of a report.
public enum TableKind: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// 表二 二、主动公开政府信息情况
    case active
    /// 表三 三、收到和处理政府信息公开申请情况
    case requests
    /// 表四 四、政府信息公开行政复议、行政诉讼情况
    case review

    public static func < (a: TableKind, b: TableKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
