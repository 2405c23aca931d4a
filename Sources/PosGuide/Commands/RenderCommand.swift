import Foundation

/// `posguide render FILE.md`: one file's body HTML, with the site's sources and directives when it is part of a site.
public enum RenderCommand {
    public static func run(file: URL) -> CommandResult {
        let data: Data
        do {
            data = try FileSystem.contents(of: file.path)
        } catch {
            return CommandResult(exitCode: 1, stderr: CommandResult.errorLine(error))
        }
        let siteRoot = Self.siteRoot(containing: file)
        let displayPath = siteRoot.map { relativePath(of: file, to: $0) } ?? file.path
        let source: SourceFile
        switch SourceFile.decode(data, path: displayPath) {
        case .success(let decoded): source = decoded
        case .failure(let diagnostic): return CommandResult(exitCode: 1, stderr: diagnostic.formatted + "\n")
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(source) {
        case .success(let value): split = value
        case .failure(let diagnostic): return CommandResult(exitCode: 1, stderr: diagnostic.formatted + "\n")
        }

        var diagnostics: [Diagnostic] = []
        var environment = MarkdownEnvironment()
        var pagePath = "/"
        if let siteRoot {
            // Inside a site: its sources, records and settings apply; whole-site link checks do not.
            let (content, loadDiagnostics) = ContentLoader(root: siteRoot).load()
            if let content {
                let (plan, _) = SitePlan.resolve(content, themeAssets: [], baseURL: nil, today: .today())
                environment = MarkdownStage.environment(for: plan)
                pagePath = plan.pagesByFile[displayPath] ?? "/"
            }
            diagnostics += loadDiagnostics.filter { $0.location.path == displayPath }
        }
        let renderer = MarkdownRenderer(environment: environment, source: SourceText(path: displayPath, text: source.text), pagePath: pagePath)
        let rendered = renderer.render(String(split.body), firstLine: split.bodyFirstLine)
        diagnostics += rendered.diagnostics
        let html = rendered.html + SourceListHTML.render(rendered.citations, registry: environment.sources)
        return CommandResult(exitCode: diagnostics.hasErrors ? 1 : 0, stdout: html, stderr: CommandResult.diagnostics(diagnostics.sortedByLocation()))
    }

    /// The folder above the nearest enclosing `content/` folder.
    static func siteRoot(containing file: URL) -> URL? {
        var directory = file.standardizedFileURL.deletingLastPathComponent()
        while directory.path != "/" {
            if directory.lastPathComponent == "content" { return directory.deletingLastPathComponent() }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    static func relativePath(of file: URL, to root: URL) -> String {
        let filePath = file.standardizedFileURL.path, rootPath = root.standardizedFileURL.path
        return filePath.hasPrefix(rootPath + "/") ? String(filePath.dropFirst(rootPath.count + 1)) : filePath
    }
}
