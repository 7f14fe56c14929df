package io.github.rerun4j.grpc;

/**
 * A snapshot of a proxy's state.
 *
 * @param published          messages taken since the start (from the serve sink and from writers)
 * @param historyMessages    messages kept for late readers
 * @param historyBytes       their estimated size (what the memory limit bounds)
 * @param droppedFromHistory messages dropped to stay within the memory limit
 * @param readers            readers connected now
 */
public record ProxyStats(long published, int historyMessages, long historyBytes, long droppedFromHistory, int readers) {
}
