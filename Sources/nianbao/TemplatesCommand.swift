import ArgumentParser
import Foundation
import ReportModel
import ReportTemplates

/// `nianbao templates`: the canonical tables of each edition as JSON, for tools that build on the cell contract.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Print the canonical rows, columns, cell keys and identities of each edition as JSON.",
        discussion: """
            One object per edition: "rows" (each table's printed row labels with their cell-key path and aliases), \
            "columns", "cells" (every (table, row, column) key in printed order, as parse output and gold files \
            name them) and "identities". Example: nianbao templates --edition 2021 | jq '.[0].cells | length'
            """
    )

    @Option(help: "Only this edition (2019 or 2021).")
    var edition: Edition?

    func run() throws {
        let editions = edition.map { [$0] } ?? Edition.allCases
        let objects = editions.map { Self.describe(ReportTemplate.for($0)) }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        Console.writeBytes(Array(data) + [0x0A])
    }

    static func describe(_ template: ReportTemplate) -> [String: Any] {
        func row(_ row: RowTemplate, prefix: String = "") -> [String: Any] {
            ["label": row.label, "key": prefix + row.key, "aliases": row.aliases.map(\.text)]
        }
        func key(_ key: CellKey) -> [String: Any] { ["table": key.table.rawValue, "row": key.row, "column": key.column] }
        let active: [[String: Any]] = template.active.map { sub in
            ["item": sub.item, "columns": sub.columns.map(\.label), "rows": sub.rows.map { row($0, prefix: sub.item + " / ") }]
        }
        return [
            "edition": template.edition.rawValue,
            "sectionHeadings": template.sectionHeadings,
            "active": active,
            "requests": ["columns": template.requestColumns.map(\.label), "rows": template.requestRows.map { row($0) }],
            "review": ["columns": template.reviewColumns.map { $0.path.joined(separator: " / ") }],
            "cells": template.cellKeys().map(key),
            "identities": template.identities.map { ["name": $0.name, "left": $0.left.map(key), "right": $0.right.map(key)] },
        ]
    }
}
