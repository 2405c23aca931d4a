import Testing
@testable import PosGuide

@Suite struct UTF8BytesTests {
    /// The byte sequences on which UTF8Bytes and the standard library disagree, about validity or the String made.
    private func disagreements(_ sequences: [[UInt8]]) -> [[UInt8]] {
        sequences.filter { bytes in
            let ours = bytes.withUnsafeBufferPointer { UTF8Bytes.string(validating: $0) }
            let standard = String(validating: bytes, as: UTF8.self)
            return ours != standard || ours.map { Array($0.utf8) != bytes } == true
        }
    }

    @Test func everyOneAndTwoByteSequenceIsJudgedAsTheStandardLibraryJudgesIt() {
        var sequences: [[UInt8]] = [[]]
        for first in 0...255 {
            for second in 0...255 { sequences.append([UInt8(first), UInt8(second)]) }
        }
        #expect(disagreements(sequences).isEmpty)
    }

    @Test func sequencesAtEveryBoundaryAloneAndAmidChineseTextAreJudgedAsTheStandardLibraryJudgesThem() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF]
        let ideograph: [UInt8] = [0xE4, 0xB8, 0xAD]
        for lead in 0x80...0xFF {
            var sequences: [[UInt8]] = []
            for second in 0...255 {
                for third in edges {
                    sequences.append([UInt8(lead), UInt8(second), third])
                    sequences.append(ideograph + [UInt8(lead), UInt8(second), third] + ideograph)
                    for fourth in edges { sequences.append([UInt8(lead), UInt8(second), third, fourth]) }
                }
            }
            let found = disagreements(sequences)
            #expect(found.isEmpty, "lead \(String(lead, radix: 16)): \(found.prefix(3))")
        }
    }

    @Test func chineseTextCutAnywhereIsJudgedAsTheStandardLibraryJudgesIt() {
        let text = Array("<p>商户 POS 安全指南：一清机 0.38% 费率，签购单 🧾 请保存。</p>\n".utf8)
        var sequences: [[UInt8]] = []
        for cut in 0...text.count {
            sequences.append(Array(text[..<cut]))
            sequences.append(Array(text[cut...]))
        }
        sequences.append(Array(repeating: UInt8(ascii: "a"), count: 37) + [0xE5] + Array(repeating: UInt8(ascii: "b"), count: 9))
        #expect(disagreements(sequences).isEmpty)
    }

    @Test func everyByteOfALongMixedTextReplacedInsertedOrDroppedIsJudgedAsTheStandardLibraryJudgesIt() {
        // Longer than the sixteen-byte steps, so that each change lands in every lane of one.
        let text = Array("一清小票MCC投诉合同T+1小微**0.6%**收款码；é ß 한국 ü — “引号” 押金D+0冻结🧾签购单。".utf8)
        let values: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var sequences: [[UInt8]] = [text]
        for position in text.indices {
            for value in values {
                var replaced = text
                replaced[position] = value
                sequences.append(replaced)
                var inserted = text
                inserted.insert(value, at: position)
                sequences.append(inserted)
            }
            var dropped = text
            dropped.remove(at: position)
            sequences.append(dropped)
        }
        #expect(disagreements(sequences).isEmpty)
    }

    @Test func asciiTextIsReportedAsAscii() {
        #expect(Array("plain <b>ASCII</b> markup, 1234567890".utf8).withUnsafeBufferPointer { UTF8Bytes.check($0) } == true)
        #expect(Array("商户 POS".utf8).withUnsafeBufferPointer { UTF8Bytes.check($0) } == false)
    }
}
