import Foundation

/// What the preview adds to each HTML page it serves (never to `build` output):
/// the live-reload script and, after a failed rebuild, the error overlay. Both are files of the
/// preview (`/_posguide/live.js`, `/_posguide/overlay.css`), never inline script or style, so the
/// page's Content-Security-Policy holds in the preview too.
enum PageInjection {
    static func inject(into html: Data, state: PreviewState) -> Data {
        var page = html
        let script = "<script src=\"/_posguide/live.js\" data-build=\"\(state.buildID.htmlEscaped)\"></script>\n"
        let scriptAt = page.range(of: Data("</body>".utf8), options: .backwards)?.lowerBound ?? page.endIndex
        page.insert(contentsOf: Data(script.utf8), at: scriptAt)
        if state.snapshot.failed {
            // Right after `<body …>`, so it shows even without JavaScript.
            let overlay = Data((overlayStylesheet + overlayHTML(state.errorLines)).utf8)
            if let bodyStart = page.range(of: Data("<body".utf8)),
               let close = page[bodyStart.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
                page.insert(contentsOf: overlay, at: close + 1)
            } else {
                page.insert(contentsOf: overlay, at: page.startIndex)
            }
        }
        return page
    }

    /// The overlay: one `.posguide-error` line per diagnostic, as the terminal prints it.
    /// live.js builds the same markup when an `error` event arrives.
    static func overlayHTML(_ lines: [String]) -> String {
        let items = lines.map { "<pre class=\"posguide-error\">\($0.htmlEscaped)</pre>" }.joined()
        return "<div id=\"posguide-overlay\" role=\"alert\">"
            + "<p class=\"posguide-overlay-title\">posguide：重建失败，下面是错误；页面仍是上一次成功构建的版本。</p>"
            + items + "</div>"
    }

    static let overlayStylesheet = "<link id=\"posguide-overlay-css\" rel=\"stylesheet\" href=\"/_posguide/overlay.css\">"

    /// Served at `/_posguide/overlay.css`.
    static let overlayCSS = """
    #posguide-overlay{position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;background:#fff5f5;color:#7a0000;\
    border-bottom:3px solid #c00;padding:1rem;box-shadow:0 2px 12px rgba(0,0,0,.3)}
    #posguide-overlay .posguide-overlay-title{margin:0 0 .5rem;font:bold 15px/1.4 sans-serif}
    #posguide-overlay .posguide-error{margin:.25rem 0;white-space:pre-wrap;font:14px/1.4 monospace}

    """

    /// Served at `/_posguide/live.js`. Plain ES5 so it runs in every browser an editor might use.
    static let script = #"""
    (function () {
      "use strict";
      var tag = document.currentScript;
      var build = tag ? tag.getAttribute("data-build") : "";
      function here(path) {
        var p = location.pathname.replace(/index\.html$/, "");
        return path === p;
      }
      function escapeText(text) {
        return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      }
      function showErrors(lines) {
        if (!document.getElementById("posguide-overlay-css")) {
          var link = document.createElement("link");
          link.id = "posguide-overlay-css";
          link.rel = "stylesheet";
          link.href = "/_posguide/overlay.css";
          document.head.appendChild(link);
        }
        var old = document.getElementById("posguide-overlay");
        var box = document.createElement("div");
        box.innerHTML = OVERLAY_START + lines.map(function (line) {
          return '<pre class="posguide-error">' + escapeText(line) + "</pre>";
        }).join("") + "</div>";
        var overlay = box.firstChild;
        if (old) { old.parentNode.replaceChild(overlay, old); } else { document.body.insertBefore(overlay, document.body.firstChild); }
      }
      function connect() {
        var source = new EventSource("/_posguide/events");
        source.addEventListener("hello", function (event) {
          var state = JSON.parse(event.data);
          document.documentElement.setAttribute("data-posguide-live", "connected");
          // A build happened while this page was away (or the server restarted): the page may be stale.
          if (state.build !== build) { location.reload(); return; }
          if (state.failed) { showErrors(state.diagnostics); }
        });
        source.addEventListener("reload", function (event) {
          var change = JSON.parse(event.data);
          var overlay = document.getElementById("posguide-overlay");
          var assets = change.changed.some(function (path) { return !/\/$/.test(path) && !/\.html$/.test(path); });
          if (overlay || assets || change.changed.some(here)) { location.reload(); return; }
          build = change.build;
        });
        source.addEventListener("error", function (event) {
          if (typeof event.data !== "string") { return; } // a dropped connection: EventSource reconnects
          showErrors(JSON.parse(event.data).diagnostics);
        });
      }
      connect();
    })();
    """#.replacingOccurrences(of: "OVERLAY_START", with: "'" + overlayStart.replacingOccurrences(of: "'", with: "\\'") + "'")

    /// The overlay's opening markup, shared by the server-side and the script-built overlay.
    static var overlayStart: String {
        let html = overlayHTML([])
        return String(html.dropLast("</div>".count))
    }
}
