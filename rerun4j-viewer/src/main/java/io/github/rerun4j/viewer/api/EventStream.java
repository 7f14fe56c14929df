package io.github.rerun4j.viewer.api;

import io.github.rerun4j.viewer.hub.RecordingHub;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events at {@code /api/events}: {@code recordings} when the set of recordings changes and
 * {@code data} (with the recording id) when one got new data or problems. Changes are coalesced and sent at
 * most every {@value #PERIOD_MS} ms, so a fast logger does not flood the page; the page then re-queries.
 */
public final class EventStream implements AutoCloseable {

    static final long PERIOD_MS = 100;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private volatile boolean recordingsChanged;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rerun4j-viewer-events");
        t.setDaemon(true);
        return t;
    });

    public EventStream(RecordingHub hub) {
        hub.onChange(change -> {
            if (change.kind() == RecordingHub.Change.Kind.ADDED) {
                recordingsChanged = true;
            }
            dirty.add(change.recordingKey());
        });
        timer.scheduleWithFixedDelay(this::publish, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/events", ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                // Javalin would answer an empty 200, which looks like a stream that ended at once.
                throw BadRequest.notAcceptable("invalid Accept '" + accept + "': expected text/event-stream (use EventSource)");
            }
        });
        routes.sse("/api/events", client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
            client.sendEvent("hello", Map.of("clients", clients.size()));
        });
    }

    private void publish() {
        if (recordingsChanged) {
            recordingsChanged = false;
            send("recordings", Map.of());
        }
        for (String key : dirty) {
            dirty.remove(key);
            send("data", Map.of("recording", key));
        }
    }

    private void send(String event, Object data) {
        for (SseClient client : clients) {
            try {
                client.sendEvent(event, data);
            } catch (RuntimeException gone) {
                // The page went away between the check and the write; onClose removes it.
                clients.remove(client);
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
