package io.github.rerun4j.viewer.hub;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreKind;
import io.github.rerun4j.store.ChunkLoader;
import io.github.rerun4j.store.ChunkStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every recording the viewer holds, fed by files, followed files and live sinks, and the one place that
 * tells listeners (the page's event stream) that something changed.
 *
 * <p>Blueprint stores are ignored: the viewer has its own layout. Thread-safe.
 *
 * <p>Memory policy: the recordings together hold at most a {@link MemoryBudget} of component data. A
 * recording whose next chunk would go over it stops loading, with a problem saying so and how to give Java
 * more memory; running out of memory anyway (a reading thread's {@link OutOfMemoryError}) stops it the same
 * way. Rerun's viewer drops the oldest data instead; a viewer that shows the start of a file whole, and says
 * where it stopped, never shows a frame in place of another.
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

    /** Recording ids that can stand in a URL path as they are; anything else gets a generated key. */
    private static final java.util.regex.Pattern URL_SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private final Map<String, ViewedRecording> recordings = new LinkedHashMap<>(); // by key
    private final Map<StoreId, String> keys = new java.util.HashMap<>();
    private final Map<String, StoreId> unreadableSources = new java.util.HashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final MemoryBudget budget;
    private final AtomicLong held = new AtomicLong();

    /** A hub whose recordings may hold {@link MemoryBudget#defaults()} of data together. */
    public RecordingHub() {
        this(MemoryBudget.defaults());
    }

    /** A hub whose recordings may hold {@code budget} of component data together. */
    public RecordingHub(MemoryBudget budget) {
        this.budget = java.util.Objects.requireNonNull(budget, "budget");
    }

    public MemoryBudget budget() {
        return budget;
    }

    /** Bytes of component data the recordings hold together. */
    public long heldBytes() {
        return held.get();
    }

    /** Registers a listener for every change (called on the thread that caused it; keep it short). */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    /**
     * Takes one message read from {@code source} (a file path or "live"). A chunk that would take the
     * recordings over the memory budget stops its recording instead (see {@link #stop}); chunks of a stopped
     * recording are dropped, so it never shows data with a hole in it.
     */
    public void accept(LogMessage message, String source) {
        if (message.storeId().kind() != StoreKind.RECORDING) {
            return;
        }
        ViewedRecording recording = recording(message.storeId(), source);
        if (message instanceof LogMessage.ChunkMessage chunkMessage && recording.stoppedBy() == null) {
            Chunk chunk = chunkMessage.chunk();
            long bytes = ChunkStore.payloadBytes(chunk);
            long before = held.get();
            if (before + bytes > budget.bytes()) {
                stop(message.storeId(), source, HubListener.fileName(source) + ": " + budget.exceeded(before, bytes));
                return;
            }
            add(recording, chunk, bytes);
        }
    }

    /**
     * Announces the chunks of a footer's {@code manifest} to its recording, to be read by {@code loader} when a
     * query needs them ({@link ChunkStore#addPending}; read chunks come back through {@link #accept}, within the
     * memory budget). Returns the store they went to; empty for a stopped recording or one that is not a
     * recording (blueprints are not shown).
     */
    public Optional<ChunkStore> announce(RrdManifest manifest, String source, ChunkLoader loader) {
        if (manifest.storeId().kind() != StoreKind.RECORDING) {
            return Optional.empty();
        }
        ViewedRecording recording = recording(manifest.storeId(), source);
        if (recording.stoppedBy() != null) {
            return Optional.empty();
        }
        recording.store().addPending(manifest, loader);
        fire(new Change(recording.key(), Change.Kind.DATA));
        return Optional.of(recording.store());
    }

    /**
     * Stops loading recording {@code id}: {@code problem} (why, starting with the source's file name) is shown,
     * the data held stays served, later data is dropped, and queries past the last time read are refused
     * rather than answered with that last time's data ({@link ViewedRecording#stoppedBy()}).
     */
    public void stop(StoreId id, String source, String problem) {
        StoreId target = id != null ? id : unreadable(source);
        ViewedRecording recording = recording(target, source);
        recording.addProblem(problem);
        recording.stop(problem);
        recording.store().dropPending();
        fire(new Change(recording.key(), Change.Kind.PROBLEM));
    }

    /** Records a problem met while reading {@code id} (or the source as a whole when id is null). */
    public void addProblem(StoreId id, String source, String problem) {
        StoreId target = id != null ? id : unreadable(source);
        ViewedRecording recording = recording(target, source);
        recording.addProblem(problem);
        fire(new Change(recording.key(), Change.Kind.PROBLEM));
    }

    /**
     * Sets or clears (null) the one notice about an incomplete message at the end of a followed file: unlike
     * problems it goes away once the rest of the message arrives.
     */
    public void setIncomplete(StoreId id, String source, String notice) {
        StoreId target = id != null ? id : unreadable(source);
        ViewedRecording recording = recording(target, source);
        if (recording.setIncomplete(notice)) {
            fire(new Change(recording.key(), Change.Kind.PROBLEM));
        }
    }

    /**
     * The file {@code source} was truncated or replaced in place: every recording read from it stops, says why,
     * and is no longer served (its images are views of that file's pages, which now hold other bytes).
     */
    public void sourceChanged(String source, String problem) {
        for (ViewedRecording recording : recordings()) {
            if (recording.source().equals(source)) {
                recording.addProblem(problem);
                recording.markSourceChanged(problem);
                fire(new Change(recording.key(), Change.Kind.PROBLEM));
            }
        }
    }

    public synchronized List<ViewedRecording> recordings() {
        return new ArrayList<>(recordings.values());
    }

    public synchronized Optional<ViewedRecording> get(String key) {
        return Optional.ofNullable(recordings.get(key));
    }

    private void add(ViewedRecording recording, Chunk chunk, long bytes) {
        if (recording.store().add(chunk)) {
            held.addAndGet(bytes);
            fire(new Change(recording.key(), Change.Kind.DATA));
        }
    }

    /** A stand-in recording for problems of a source before any recording was read from it (bad header). */
    private synchronized StoreId unreadable(String source) {
        return unreadableSources.computeIfAbsent(source,
                s -> StoreId.recording("unreadable", "unreadable-" + (unreadableSources.size() + 1)));
    }

    private ViewedRecording recording(StoreId id, String source) {
        ViewedRecording recording;
        boolean added = false;
        synchronized (this) {
            String key = keys.get(id);
            recording = key == null ? null : recordings.get(key);
            if (recording == null) {
                key = keyFor(id);
                recording = new ViewedRecording(id, key, source);
                keys.put(id, key);
                recordings.put(key, recording);
                added = true;
            }
        }
        if (added) {
            fire(new Change(recording.key(), Change.Kind.ADDED));
        }
        return recording;
    }

    /**
     * The recording id when it is URL-safe and free (the usual UUID), else {@code rec-N}: ids are free text
     * in the format, but API paths must not carry slashes or dots-only segments.
     */
    private String keyFor(StoreId id) {
        String wanted = id.recordingId();
        if (wanted != null && URL_SAFE.matcher(wanted).matches() && !wanted.matches("\\.+")
                && !recordings.containsKey(wanted)) {
            return wanted;
        }
        for (int n = recordings.size() + 1; ; n++) {
            if (!recordings.containsKey("rec-" + n)) {
                return "rec-" + n;
            }
        }
    }

    private void fire(Change change) {
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }
}
