import Foundation

/// Writes exported guides into an output folder, next to whatever is already there.
///
/// Unlike `build`, export replaces no folder: it writes only `guides/<id>/index.html`
/// and `guides/<id>.pdf`, each to a temporary name first and renamed into
/// place, so a failed export never leaves half a file and never deletes
/// anything. A folder export creates gets posguide's output marker, so a later
/// `posguide build` into it may replace it; an existing folder keeps its marker
/// (or, if posguide did not make it, stays without one).
enum GuideExporter {
    /// Guide ids with a definition file, `content/guides/<id>.yaml`, sorted.
    static func availableGuides(in source: URL) -> [String] {
        let folder = source.appendingPathComponent("content/guides")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func write(_ files: [OutputFile], to output: URL) throws {
        let fileManager = FileManager.default
        let existing = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError("\(output.path) is a file, not a folder")
        }
        try FileSystem.makeFolder(output.path)
        if existing.isEmpty {
            try OutputWriter.write(Data(OutputWriter.markerText.utf8), to: output.appendingPathComponent(OutputWriter.markerName).path)
        }
        for file in files {
            let target = output.appendingPathComponent(file.path)
            try FileSystem.makeFolder(target.deletingLastPathComponent().path)
            let temporary = target.deletingLastPathComponent()
                .appendingPathComponent(".\(target.lastPathComponent).posguide-\(ProcessInfo.processInfo.processIdentifier)")
            do {
                try OutputWriter.write(file.data(), to: temporary.path)
                guard rename(temporary.path, target.path) == 0 else {
                    throw FileSystemError("write", target.path, errno: errno)
                }
            } catch let error as FileSystemError {
                try? fileManager.removeItem(at: temporary)
                // The temporary name is an implementation detail: name the file the reader asked for.
                throw FileSystemError(error.action, target.path, reason: error.reason)
            } catch {
                try? fileManager.removeItem(at: temporary)
                throw error
            }
        }
    }
}
