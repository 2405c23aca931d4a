/// The policy `serve` sends as a header with every response: the one every page of the site
/// carries in its `<meta http-equiv="Content-Security-Policy">` (templates/base.mustache), plus
/// `frame-ancestors`, which browsers take only from a header. README shows it for other servers;
/// PreviewServerTests checks the two stay the same.
enum ContentSecurityPolicy {
    static let page = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; "
        + "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

    static let header = page + "; frame-ancestors 'none'"
}
