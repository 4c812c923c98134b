import Foundation

/// A small JSON Schema validator for the keywords our schemas use: type, required, properties,
/// additionalProperties (false), items, enum. Returns the violations as JSON-pointer-like paths with reasons.
public enum JSONSchemaValidator {
    public static func validate(_ instance: Any, against schema: [String: Any], path: String = "$") -> [String] {
        var errors: [String] = []
        if let type = schema["type"] as? String, !matches(instance, type) {
            return ["\(path): expected \(type), found \(Swift.type(of: instance))"]
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { equal($0, instance) }) {
            errors.append("\(path): \(instance) is not one of \(allowed)")
        }
        if let object = instance as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing required '\(key)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, value) in object {
                if let sub = properties[key] as? [String: Any] {
                    errors += validate(value, against: sub, path: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): property '\(key)' is not allowed")
                }
            }
        }
        if let array = instance as? [Any], let items = schema["items"] as? [String: Any] {
            for (k, item) in array.enumerated() { errors += validate(item, against: items, path: "\(path)[\(k)]") }
        }
        return errors
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer":
            guard let n = number(value) else { return false }
            return n == n.rounded()
        case "number": return number(value) != nil
        case "boolean":
            if let n = value as? NSNumber { let t = String(cString: n.objCType); return t == "c" || t == "B" }
            return value is Bool
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = number(a), let y = number(b) { return x == y }
        return false
    }

    /// A JSON number as Double (JSONSerialization gives Int, Double or NSNumber by platform); nil for booleans.
    static func number(_ value: Any) -> Double? {
        if let n = value as? NSNumber {
            let type = String(cString: n.objCType)
            return type == "c" || type == "B" ? nil : n.doubleValue  // JSON true/false come as char-typed NSNumbers
        }
        if value is Bool { return nil }
        if let i = value as? Int { return Double(i) }
        if let d = value as? Double { return d }
        return nil
    }
}
