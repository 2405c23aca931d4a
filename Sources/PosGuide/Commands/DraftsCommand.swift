import Foundation

/// `posguide list drafts`: the pages marked `draft: true`, which the site does not publish yet.
public enum DraftsCommand {
    struct Draft: Sendable, Equatable {
        var path: String
        var title: String?
        /// The site path it will be published at.
        var url: String
        /// `【待填写】` places still in it.
        var toFillIn: Int
    }

    /// Every draft page, in path order.
    static func drafts(source: URL) -> [Draft] {
        var loader = ContentLoader(root: source)
        loader.includeDrafts = true
        guard let content = loader.load().0 else { return [] }
        return content.pages.filter(\.metadata.draft).map { page in
            Draft(path: page.file.path, title: page.metadata.title, url: page.url, toFillIn: FillInMarker.find(in: page.file.text).count)
        }.sorted { $0.path < $1.path }
    }

    /// One line per draft (path, title, what is left), then how to preview and publish them.
    public static func run(source: URL, commandName: String = "posguide") -> CommandResult {
        let drafts = drafts(source: source)
        guard !drafts.isEmpty else { return CommandResult(stdout: "no drafts: every page is published\n") }
        var text = ""
        for draft in drafts {
            let left = draft.toFillIn == 0 ? "" : draft.toFillIn == 1 ? " (1 place to fill in)" : " (\(draft.toFillIn) places to fill in)"
            text += "\(draft.path): \(draft.title ?? "(no title)")\(left)\n"
        }
        let count = drafts.count == 1 ? "1 draft" : "\(drafts.count) drafts"
        text += "\(count), not published: preview with `\(commandName) serve --drafts`; "
            + "`\(commandName) check --drafts` says what is left; delete `draft: true` to publish\n"
        return CommandResult(stdout: text)
    }
}
