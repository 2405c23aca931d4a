import ArgumentParser
import Foundation
import PosGuide

/// How the editor runs posguide, for the commands a message suggests: the `./posguide` launcher
/// says how it was called; the binary run directly is `posguide`.
var commandName: String {
    ProcessInfo.processInfo.environment["POSGUIDE_LAUNCHER"].flatMap { $0.isEmpty ? nil : $0 } ?? "posguide"
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new article, provider record or guide from its archetype in templates/archetypes/.",
        discussion: """
            The new file has every key it needs, with comments saying what each is for; text still to write is \
            marked 【待填写】 and `check` lists it. An existing file is never replaced.
            """,
        subcommands: [NewArticle.self, NewProvider.self, NewGuide.self]
    )
}

struct NewOptions: ParsableArguments {
    @Option(help: "The title (a provider's name). Without it the file says to fill it in.")
    var title: String?

    @OptionGroup var site: SourceOptions

    func create(_ kind: NewCommand.Kind, _ name: String) throws {
        let request = NewCommand.Request(kind: kind, name: name, title: title, source: site.sourceURL, commandName: commandName)
        try finish(NewCommand.run(request))
    }
}

struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "A draft article: content/<section>/<slug>.md, published at /<section>/<slug>/ once draft: true is gone."
    )

    @Argument(help: "<section>/<slug>, e.g. articles/pos-rates (lower-case letters, digits and -).")
    var name: String

    @OptionGroup var options: NewOptions

    func run() throws { try options.create(.article, name) }
}

struct NewProvider: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider",
        abstract: "A provider record: content/providers/<id>.yaml, published at /providers/<id>/."
    )

    @Argument(help: "The id, e.g. lakala (lower-case letters, digits and -).")
    var id: String

    @OptionGroup var options: NewOptions

    func run() throws { try options.create(.provider, id) }
}

struct NewGuide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "A printable guide: content/guides/<id>.yaml, published at /guides/<id>/."
    )

    @Argument(help: "The id, e.g. counter-handout (lower-case letters, digits and -).")
    var id: String

    @OptionGroup var options: NewOptions

    func run() throws { try options.create(.guide, id) }
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
