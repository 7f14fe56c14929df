package io.github.rerun4j.grpc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proxy's buffering broadcast, as Rerun's {@code MessageBuffer}: every message goes to every connected reader
 * and into the history, which late readers get first. History is three FIFO queues (persistent, static,
 * disposable, see {@link LogMsgCodec.Queue}); when it holds more than the memory limit, disposable messages go
 * first, oldest first, then static ones; persistent ones stay. A limit of 0 keeps no history (live only).
 *
 * <p>Publishing and subscribing take the same lock, so a new reader's snapshot of the history and its place in
 * the broadcast are one step: nothing is lost or sent twice between them. A reader gets the history as
 * persistent, then static, then disposable messages (each oldest first), then the live ones in arrival order.
 * Nothing here blocks: readers queue what they cannot take yet and drop out when they fall too far behind
 * ({@link HubReader}).
 */
final class MessageHub {

    private final long memoryLimit;
    private final Map<LogMsgCodec.Queue, ArrayDeque<ProxyMessage>> history = new EnumMap<>(LogMsgCodec.Queue.class);
    private final Set<HubReader> readers = new LinkedHashSet<>();
    private long historyBytes;
    private long droppedFromHistory;
    private long published;
    private boolean closed;

    MessageHub(long memoryLimit) {
        this.memoryLimit = memoryLimit;
        for (LogMsgCodec.Queue q : LogMsgCodec.Queue.values()) {
            history.put(q, new ArrayDeque<>());
        }
    }

    /** Broadcasts {@code message} and keeps it in {@code queue} of the history (within the limit). False once closed. */
    synchronized boolean publish(ProxyMessage message, LogMsgCodec.Queue queue) {
        if (closed) {
            return false;
        }
        published++;
        for (HubReader reader : List.copyOf(readers)) {
            reader.offer(message);
        }
        if (memoryLimit > 0) {
            history.get(queue).addLast(message);
            historyBytes += message.size();
            trim(LogMsgCodec.Queue.DISPOSABLE);
            trim(LogMsgCodec.Queue.STATIC);
        }
        return true;
    }

    private void trim(LogMsgCodec.Queue queue) {
        ArrayDeque<ProxyMessage> q = history.get(queue);
        while (historyBytes > memoryLimit && !q.isEmpty()) {
            historyBytes -= q.pollFirst().size();
            droppedFromHistory++;
        }
    }

    /** Gives {@code reader} the history and adds it to the broadcast, atomically. False once closed. */
    synchronized boolean subscribe(HubReader reader) {
        if (closed) {
            return false;
        }
        List<ProxyMessage> snapshot = new ArrayList<>();
        for (LogMsgCodec.Queue q : LogMsgCodec.Queue.values()) {
            snapshot.addAll(history.get(q));
        }
        reader.offerSnapshot(snapshot);
        readers.add(reader);
        return true;
    }

    synchronized void unsubscribe(HubReader reader) {
        readers.remove(reader);
    }

    /**
     * Stops taking messages and readers and lets the history go: no reader can join any more, and a closed proxy
     * can stay reachable for a while (the HTTP library keeps the last server it ran), which must not keep its
     * recordings in the heap. Returns the readers still connected, to finish their streams with what is queued
     * for them.
     */
    synchronized List<HubReader> close() {
        closed = true;
        history.values().forEach(ArrayDeque::clear);
        historyBytes = 0;
        List<HubReader> left = List.copyOf(readers);
        readers.clear();
        return left;
    }

    /** Figures for tests, logs and benchmarks. */
    synchronized ProxyStats stats() {
        int messages = 0;
        for (ArrayDeque<ProxyMessage> q : history.values()) {
            messages += q.size();
        }
        return new ProxyStats(published, messages, historyBytes, droppedFromHistory, readers.size());
    }
}
