package io.github.rerun4j.grpc;

/**
 * One message in the proxy: its bytes (a {@code ReadMessagesResponse}, the same bytes as the
 * {@code WriteMessagesRequest} it came in as; never modified once built, shared by the history and every reader)
 * and the history queue it belongs to.
 */
record ProxyMessage(byte[] bytes, LogMsgCodec.Queue queue) {

    /** What the history and reader backlogs count: the bytes plus a small per-message overhead. */
    long size() {
        return bytes.length + 64L;
    }
}
