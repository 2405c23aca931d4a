import Foundation
import Yams

/// `content/data/fees.yaml`: the schedules `fee-table` draws, read against a schema so a
/// wrong one is reported at its own line in fees.yaml, once, when the site loads.
///
/// The file's `regulated` and `reductions` lists are notes for editors (what the rules say,
/// with their sources); they are checked for shape, and no page draws them.
struct FeeSchedules: Sendable {
    /// A made-up offer of a schedule: no amount and no transaction count of its own (the
    /// schedule's volumes and average ticket give them).
    struct Offer: Sendable {
        var name: String
        var ratePercent: Decimal
        var perTransactionFeeFen: Int
        var annualFeeFen: Int
    }

    /// Offers priced at a series of monthly volumes, one average transaction amount for all.
    struct Schedule: Sendable {
        var title: String
        var averageTicketFen: Int
        var volumesFen: [Int]
        var offers: [Offer]

        /// `offer` on a month of `volumeFen` in card sales: transactions = volume ÷ average ticket.
        func priced(_ offer: Offer, atVolume volumeFen: Int) -> FeeOffer {
            FeeOffer(monthlyAmountFen: volumeFen, ratePercent: offer.ratePercent, perTransactionFeeFen: offer.perTransactionFeeFen,
                     transactionCount: volumeFen / averageTicketFen, annualFeeFen: offer.annualFeeFen)
        }
    }

    static let path = "content/data/fees.yaml"

    var schedules: [String: Schedule] = [:]
    /// Ids of schedules with errors: reported in fees.yaml, so a page that names one says nothing more.
    var invalid: Set<String> = []

    init(schedules: [String: Schedule] = [:], invalid: Set<String> = []) {
        self.schedules = schedules
        self.invalid = invalid
    }

    /// Reads the parsed file; every problem is reported where it is written.
    static func read(_ node: Node?, file: SourceFile) -> (FeeSchedules, [Diagnostic]) {
        let map = YAMLMapping(node, path: file.path, lineOffset: 0, subject: "fees.yaml", at: SourceLocation(path: file.path), sourceText: file.text)
        // Read only to check them: each accessor marks its key as known and reports a wrong value.
        for item in map.mappings("regulated", subject: "regulated fee") ?? [] {
            for key in ["name", "rule", "source"] { _ = item.string(key, required: true) }
            map.collect(item)
        }
        for item in map.mappings("reductions", subject: "fee reduction") ?? [] {
            for key in ["name", "rule", "source"] { _ = item.string(key, required: true) }
            _ = item.date("start", complete: false)
            _ = item.string("term")
            map.collect(item)
        }
        var fees = FeeSchedules()
        for entry in map.keyedMappings("schedules", subject: { "schedule `\($0)`" }) ?? [] {
            let schedule = readSchedule(entry.map)
            map.collect(entry.map)
            if !ContentRules.isIdentifier(entry.id) {
                map.report(.error("fees.schedule-id", "schedule id `\(entry.id)` must be lower-case letters, digits and `-`", at: entry.location))
            }
            if let schedule, entry.map.diagnostics.isEmpty, ContentRules.isIdentifier(entry.id) {
                fees.schedules[entry.id] = schedule
            } else {
                fees.invalid.insert(entry.id)
            }
        }
        map.finish()
        return (fees, map.diagnostics)
    }

    private static func readSchedule(_ map: YAMLMapping) -> Schedule? {
        let title = map.string("title", required: true)
        let ticket = map.requireValue("average_ticket").flatMap { amount($0, key: "average_ticket", max: FeeInput.Limit.amountFen, in: map) }
        if let ticket, ticket == 0, let node = map.value("average_ticket") {
            map.report(.error("fees.amount", "`average_ticket` must be more than 0 (it divides each volume into transactions)", at: map.location(of: node)))
        }
        var volumes: [Int]?
        if let node = map.requireValue("volumes") {
            if case .sequence(let items) = node, !items.isEmpty {
                let read = items.compactMap { amount($0, key: "volumes", max: FeeInput.Limit.amountFen, in: map) }
                volumes = read.count == items.count ? read : nil
            } else {
                map.report(.error("schema.type", "`volumes` must be a list of monthly card sales in 元, e.g. `[10000, 30000]`", at: map.location(of: node)))
            }
        }
        if let ticket, ticket > 0, let volumes, let largest = volumes.max(), largest / ticket > FeeInput.Limit.transactionCount {
            map.report(.error("fees.amount", "`volumes` up to \(Money.yuan(largest)) 元 at `average_ticket` \(Money.yuan(ticket)) 元 make more than \(FeeInput.Limit.transactionCount) transactions a month, more than the tools accept",
                              at: map.value("volumes").map(map.location(of:)) ?? map.location))
        }
        var offers: [Offer] = []
        let offerMaps = map.requireValue("offers") == nil ? [] : map.mappings("offers", subject: "offer") ?? []
        if offerMaps.isEmpty, let node = map.value("offers"), case .sequence = node {
            map.report(.error("schema.empty", "`offers` is empty: a schedule compares at least one offer", at: map.location(of: node)))
        }
        for item in offerMaps {
            if let offer = readOffer(item) { offers.append(offer) }
            map.collect(item)
        }
        guard let title, let ticket, ticket > 0, let volumes, offers.count == offerMaps.count, !offers.isEmpty else { return nil }
        return Schedule(title: title, averageTicketFen: ticket, volumesFen: volumes, offers: offers)
    }

    private static func readOffer(_ map: YAMLMapping) -> Offer? {
        let name = map.string("name", required: true)
        var rate: Decimal?
        if let node = map.requireValue("rate"), let text = map.scalarString(node, key: "rate") {
            do throws(FeeInputError) { rate = try FeeInput.ratePercent(text) } catch {
                map.report(.error("fees.rate", error.message(naming: "`rate`"), at: map.location(of: node)))
            }
        }
        // Absent fees are 0; a fee that is written but wrong is no fee at all (the schedule is left out).
        let perTransaction = optionalAmount("per_txn_fee", max: FeeInput.Limit.perTransactionFeeFen, in: map)
        let annual = optionalAmount("annual_fee", max: FeeInput.Limit.annualFeeFen, in: map)
        guard let name, let rate, let perTransaction, let annual else { return nil }
        return Offer(name: name, ratePercent: rate, perTransactionFeeFen: perTransaction, annualFeeFen: annual)
    }

    /// 0 when `key` is absent, nil when it is written wrong.
    private static func optionalAmount(_ key: String, max: Int, in map: YAMLMapping) -> Int? {
        guard let node = map.value(key) else { return 0 }
        return amount(node, key: key, max: max, in: map)
    }

    /// An amount in 元 (`500`, `"0.5"`) as fen, reported at the value when it is not one or is above `max`.
    private static func amount(_ node: Node, key: String, max: Int, in map: YAMLMapping) -> Int? {
        guard let text = map.scalarString(node, key: key) else { return nil }
        do throws(FeeInputError) { return try FeeInput.amountFen(text, field: key, max: max) } catch {
            map.report(.error("fees.amount", error.message(naming: "`\(key)`"), at: map.location(of: node)))
            return nil
        }
    }
}
