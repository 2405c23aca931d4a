/// What the build does with an image from another host (`site.yaml: remote_images`).
///
/// This site keeps `error`: its pages make no third-party requests, because readers on
/// slow mobile data inside WeChat should load nothing from hosts the site does not control.
/// A site moved from elsewhere (a blog with thousands of hot-linked pictures) can choose
/// to publish them with a warning each, or silently.
enum RemoteImagePolicy: String, Sendable, CaseIterable {
    /// Each such image is an error and is dropped: the default.
    case error
    /// Each such image is published as written, with a warning.
    case warn
    /// Published as written, without a word.
    case allow

    /// `error, warn, allow`, for messages.
    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
