package io.github.rerun4j.viewer.api;

import io.github.rerun4j.viewer.hub.RecordingHub;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events at {@code /api/events}: {@code recordings} when the set of recordings changes and
 * {@code data} (with the recording id) when one got new data or problems. Changes are coalesced and sent at
 * most every {@value #PERIOD_MS} ms, so a fast logger does not flood the page; the page then re-queries.
 *
 * <p>Streams are bounded: at most {@code maxStreams} are open (one more is {@link Busy}, 503), and every
 * stream gets a comment line each {@code heartbeat}, because a server that only writes learns that a page
 * went away only when a write fails; then the stream is closed and its slot freed.
 */
public final class EventStream implements AutoCloseable {

    static final long PERIOD_MS = 100;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final int maxStreams;
    private final Semaphore slots;
    private volatile boolean recordingsChanged;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rerun4j-viewer-events");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param heartbeat  how often every stream gets a comment (detects pages that went away)
     * @param maxStreams the most streams open at once
     */
    public EventStream(RecordingHub hub, Duration heartbeat, int maxStreams) {
        this.maxStreams = maxStreams;
        this.slots = new Semaphore(maxStreams);
        hub.onChange(change -> {
            if (change.kind() == RecordingHub.Change.Kind.ADDED) {
                recordingsChanged = true;
            }
            dirty.add(change.recordingKey());
        });
        timer.scheduleWithFixedDelay(this::publish, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        long beat = heartbeat.toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/events", ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                // Javalin would answer an empty 200, which looks like a stream that ended at once.
                throw BadRequest.notAcceptable("invalid Accept '" + accept + "': expected text/event-stream (use EventSource)");
            }
        });
        SseHandler stream = new SseHandler(this::open);
        routes.get("/api/events", ctx -> {
            // The slot is taken before the 200 goes out, so the refusal can still be a 503.
            if (!slots.tryAcquire()) {
                throw new Busy("busy: " + maxStreams + " event streams are open; close a page or try again later");
            }
            boolean opened = false;
            try {
                stream.handle(ctx);
                opened = true;
            } finally {
                if (!opened) {
                    slots.release();
                }
            }
        });
    }

    /** Event streams open now (each holds a socket until its page goes away or the server stops). */
    public int openStreams() {
        return clients.size();
    }

    private void open(SseClient client) {
        client.keepAlive();
        client.onClose(() -> {
            // Runs once per client (SseClient guards it), whoever closes: the page, a failed write, close().
            clients.remove(client);
            slots.release();
        });
        clients.add(client);
        send(client, "hello", Map.of("clients", clients.size()));
    }

    private void publish() {
        if (recordingsChanged) {
            recordingsChanged = false;
            sendAll("recordings", Map.of());
        }
        for (String key : dirty) {
            dirty.remove(key);
            sendAll("data", Map.of("recording", key));
        }
    }

    private void heartbeat() {
        for (SseClient client : clients) {
            synchronized (client) {
                // A failed write marks the client closed and runs onClose (Javalin's SseClient).
                client.sendComment("heartbeat");
            }
        }
    }

    private void sendAll(String event, Object data) {
        for (SseClient client : clients) {
            send(client, event, data);
        }
    }

    private static void send(SseClient client, String event, Object data) {
        synchronized (client) { // the timer and the opening thread both write: one event at a time
            try {
                client.sendEvent(event, data);
            } catch (RuntimeException gone) {
                // Not an I/O failure (those close the client): a bug; the page re-queries on its next event.
                client.close();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
