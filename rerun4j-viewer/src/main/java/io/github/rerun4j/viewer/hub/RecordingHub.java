package io.github.rerun4j.viewer.hub;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every recording the viewer holds, fed by files, followed files and live sinks, and the one place that
 * tells listeners (the page's event stream) that something changed.
 *
 * <p>Blueprint stores are ignored: the viewer has its own layout. Thread-safe.
 *
 * <pre>{@code
 * RecordingHub hub = new RecordingHub();
 * hub.onChange(event -> System.out.println(event));
 * hub.accept(message, "robot.rrd");
 * }</pre>
 */
public final class RecordingHub {

    /** What changed: a new recording, new data in one, or a new problem. */
    public record Change(String recordingKey, Kind kind) {
        public enum Kind { ADDED, DATA, PROBLEM }
    }

    private final Map<String, ViewedRecording> recordings = new LinkedHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener for every change (called on the thread that caused it; keep it short). */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    /** Takes one message read from {@code source} (a file path or "live"). */
    public void accept(LogMessage message, String source) {
        if (message.storeId().kind() != StoreKind.RECORDING) {
            return;
        }
        ViewedRecording recording = recording(message.storeId(), source);
        if (message instanceof LogMessage.ChunkMessage chunkMessage) {
            add(recording, chunkMessage.chunk());
        }
    }

    /** Records a problem met while reading {@code id} (or the source as a whole when id is null). */
    public void addProblem(StoreId id, String source, String problem) {
        StoreId target = id != null ? id : StoreId.recording("(unreadable)", source);
        ViewedRecording recording = recording(target, source);
        recording.addProblem(problem);
        fire(new Change(recording.key(), Change.Kind.PROBLEM));
    }

    public synchronized List<ViewedRecording> recordings() {
        return new ArrayList<>(recordings.values());
    }

    public synchronized Optional<ViewedRecording> get(String key) {
        return Optional.ofNullable(recordings.get(key));
    }

    private void add(ViewedRecording recording, Chunk chunk) {
        if (recording.store().add(chunk)) {
            fire(new Change(recording.key(), Change.Kind.DATA));
        }
    }

    private ViewedRecording recording(StoreId id, String source) {
        ViewedRecording recording;
        boolean added = false;
        synchronized (this) {
            recording = recordings.get(id.recordingId());
            if (recording == null) {
                recording = new ViewedRecording(id, source);
                recordings.put(id.recordingId(), recording);
                added = true;
            }
        }
        if (added) {
            fire(new Change(recording.key(), Change.Kind.ADDED));
        }
        return recording;
    }

    private void fire(Change change) {
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }
}
