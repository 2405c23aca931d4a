import ArgumentParser
import Foundation
import PosGuide

/// How the editor runs posguide, for the commands a message suggests: the `./posguide` launcher
/// says how it was called; the binary run directly is `posguide`.
var commandName: String {
    ProcessInfo.processInfo.environment["POSGUIDE_LAUNCHER"].flatMap { $0.isEmpty ? nil : $0 } ?? "posguide"
}

/// One command for every kind: the record kinds come from the library, so a new kind of record
/// needs no line here.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new article, record or guide from its archetype in templates/archetypes/.",
        usage: "posguide new <kind> <name> [--title <title>] [--source <source>]",
        discussion: """
            Kinds, with the name each takes and the file it makes:
            \(NewCommand.kindsHelp)

            Names and ids are lower-case letters a-z, digits and -. The new file has every key it needs, \
            with comments saying what each is for; text still to write is marked 【待填写】 and `check` \
            lists it. An existing file is never replaced.
            """
    )

    @Argument(help: "What to start: article, guide or a kind of record (listed above).")
    var kind: String

    @Argument(help: "<section>/<slug> for an article (e.g. articles/pos-rates), <id> otherwise (e.g. lakala).")
    var name: String

    @Option(help: "The title (a provider's name, a glossary term). Without it the file says to fill it in.")
    var title: String?

    @OptionGroup var site: SourceOptions

    func run() throws {
        let request = NewCommand.Request(kind: NewCommand.Kind(rawValue: kind), name: name, title: title,
                                         source: site.sourceURL, commandName: commandName)
        try finish(NewCommand.run(request))
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what is not published yet.",
        subcommands: [ListDrafts.self]
    )
}

struct ListDrafts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts",
        abstract: "Pages marked draft: true, with their path, title and the places still to fill in."
    )

    @OptionGroup var site: SourceOptions

    func run() throws {
        try finish(DraftsCommand.run(source: site.sourceURL, commandName: commandName))
    }
}
