extension String {
    /// True for an absolute web address, `http://…` or `https://…`: what `base_url`, a
    /// source's `url`, a provider's `website` and `--base-url` must be.
    public var isAbsoluteHTTPURL: Bool { hasPrefix("https://") || hasPrefix("http://") }
}
