import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request whose head is too large with 414 or 431 and a line of text, then closes,
/// where the HTTP decoder alone would drop the connection without a word.
///
/// Two handlers share one state: `RequestLineLimit` reads raw bytes in front of the decoder (only
/// it can tell the request line from the headers), `RequestHeadLimit` sits after the decoder,
/// sees where each request ends, and turns the decoder's overflow error into a 431.
final class RequestHeadLimit: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let lineLimit: RequestLineLimit
    private var answered = false

    init(limits: ServeLimits) {
        lineLimit = RequestLineLimit(maximum: limits.requestLineBytes)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        try? context.pipeline.syncOperations.addHandler(lineLimit, position: .first)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // After the end of a request, the next bytes start a new request line.
        if case .end = unwrapInboundIn(data) { lineLimit.expectRequestLine() }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard let parserError = error as? HTTPParserError, parserError == .headerOverflow, !answered else {
            context.fireErrorCaught(error)
            return
        }
        answered = true
        let body = ByteBuffer(string: "request headers too large\n")
        let head = HTTPResponse(status: .init(code: 431, reasonPhrase: "Request Header Fields Too Large"),
                                headerFields: [.contentType: "text/plain; charset=utf-8", .contentLength: String(body.readableBytes), .connection: "close"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        // The future completes on the context's event loop, where the context may be used.
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}

/// Counts the bytes of each request line as they arrive; past `maximum` without a line break,
/// answers 414 on the raw connection and closes it.
final class RequestLineLimit: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let maximum: Int
    private var inRequestLine = true
    private var lineBytes = 0
    private var refused = false

    init(maximum: Int) {
        self.maximum = maximum
    }

    func expectRequestLine() {
        inRequestLine = true
        lineBytes = 0
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return }
        let buffer = unwrapInboundIn(data)
        if inRequestLine {
            let view = buffer.readableBytesView
            if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
                lineBytes += newline - view.startIndex
                inRequestLine = false
            } else {
                lineBytes += view.count
            }
            if lineBytes > maximum {
                refused = true
                let text = "request line too long (more than \(maximum) bytes)\n"
                let response = "HTTP/1.1 414 URI Too Long\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: \(text.utf8.count)\r\nconnection: close\r\n\r\n" + text
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
                return
            }
        }
        context.fireChannelRead(data)
    }
}
