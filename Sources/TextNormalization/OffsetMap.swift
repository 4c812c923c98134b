/// Maps offsets in normalised text back to offsets in the source text.
///
/// Offsets are UTF-8 byte offsets. The map is the chain of every pass's splices: an output offset is walked back
/// through the passes, last to first. An offset inside a replaced stretch maps to the start of what it replaced.
///
/// ```swift
/// let result = TextNormalizer().normalize("Ａ  b")
/// result.offsetMap.sourceOffset(forOutputOffset: 1)  // 3: "Ａ" was three bytes
/// ```
public struct OffsetMap: Sendable {
    struct Layer: Sendable {
        var inputStarts: [Int]
        var inputEnds: [Int]
        var outputStarts: [Int]
        var outputEnds: [Int]

        init(_ splices: [Splice]) {
            inputStarts = splices.map(\.inputRange.lowerBound)
            inputEnds = splices.map(\.inputRange.upperBound)
            outputStarts = splices.map(\.outputRange.lowerBound)
            outputEnds = splices.map(\.outputRange.upperBound)
        }

        /// Input offset of output offset `o`.
        func map(_ o: Int) -> Int {
            // Last splice whose output starts at or before o.
            var low = 0
            var high = outputStarts.count
            while low < high {
                let mid = (low + high) / 2
                if outputStarts[mid] <= o { low = mid + 1 } else { high = mid }
            }
            let k = low - 1
            if k < 0 { return o }
            if o < outputEnds[k] { return inputStarts[k] }
            return inputEnds[k] + (o - outputEnds[k])
        }
    }

    var layers: [Layer] = []
    /// Length in bytes of the source the map leads back to.
    public private(set) var sourceLength: Int

    init(sourceLength: Int) {
        self.sourceLength = sourceLength
    }

    /// The source offsets of `offsets`, which must be in nondecreasing order (the bounds of one pass's splices):
    /// each layer is walked once with a cursor instead of searched per offset, last to first.
    func sourceOffsets(forSortedOutputOffsets offsets: [Int]) -> [Int] {
        var mapped = offsets
        for layer in layers.reversed() {
            Self.walk(&mapped, starts: layer.outputStarts, ends: layer.outputEnds, to: (layer.inputStarts, layer.inputEnds))
        }
        for index in mapped.indices { mapped[index] = min(max(mapped[index], 0), sourceLength) }
        return mapped
    }

    /// The output offsets of source offsets `offsets` (nondecreasing): each layer walked once, first to last. An
    /// offset inside a replaced stretch maps to the start of its replacement.
    func outputOffsets(forSortedSourceOffsets offsets: [Int]) -> [Int] {
        var mapped = offsets
        for layer in layers {
            Self.walk(&mapped, starts: layer.inputStarts, ends: layer.inputEnds, to: (layer.outputStarts, layer.outputEnds))
        }
        return mapped
    }

    /// Maps sorted offsets through one layer, from the side whose splices are `starts`/`ends` to the other side's
    /// (`to`): an offset inside a splice goes to the other side's start, one after it keeps its distance from the
    /// splice's end. Mapping keeps the order (a layer is monotone), so the next layer's walk stays one pass.
    private static func walk(_ mapped: inout [Int], starts: [Int], ends: [Int], to other: (starts: [Int], ends: [Int])) {
        let count = starts.count
        starts.withUnsafeBufferPointer { starts in
            ends.withUnsafeBufferPointer { ends in
                other.starts.withUnsafeBufferPointer { otherStarts in
                    other.ends.withUnsafeBufferPointer { otherEnds in
                        mapped.withUnsafeMutableBufferPointer { mapped in
                            var k = -1  // the last splice that starts at or before the current offset
                            for index in mapped.indices {
                                let o = mapped[index]
                                while k + 1 < count && starts[k + 1] <= o { k += 1 }
                                if k < 0 { continue }
                                mapped[index] = o < ends[k] ? otherStarts[k] : otherEnds[k] + (o - ends[k])
                            }
                        }
                    }
                }
            }
        }
    }

    mutating func append(_ splices: [Splice]) {
        if !splices.isEmpty { layers.append(Layer(splices)) }
    }

    /// The source offset (UTF-8 bytes) of an offset of the normalised text.
    public func sourceOffset(forOutputOffset offset: Int) -> Int {
        var o = offset
        for layer in layers.reversed() { o = layer.map(o) }
        return min(max(o, 0), sourceLength)
    }

    /// The number of passes that changed the text.
    public var layerCount: Int { layers.count }
}
