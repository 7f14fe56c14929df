package io.github.rerun4j.viewer.hub;

import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.store.ChunkStore;
import java.util.ArrayList;
import java.util.List;

/**
 * One recording the viewer shows: its store of chunks (growing while data arrives), where it came from, and
 * the problems met while reading it (shown in the page, never hidden).
 */
public final class ViewedRecording {

    private final StoreId id;
    private final String key;
    private final String source;
    private final ChunkStore store = new ChunkStore();
    private final List<String> problems = new ArrayList<>();
    private String incomplete;
    private volatile String stoppedBy;
    private volatile String sourceChanged;

    ViewedRecording(StoreId id, String key, String source) {
        this.id = id;
        this.key = key;
        this.source = source;
    }

    public StoreId id() {
        return id;
    }

    /** The recording's name in API paths: its recording id when that is URL-safe, else {@code rec-N}. */
    public String key() {
        return key;
    }

    /** A file path, or {@code "live"} for a logging process. */
    public String source() {
        return source;
    }

    public ChunkStore store() {
        return store;
    }

    /** Problems met so far, and the notice about an incomplete last message if there is one. */
    public synchronized List<String> problems() {
        if (incomplete == null) {
            return List.copyOf(problems);
        }
        List<String> all = new ArrayList<>(problems);
        all.add(incomplete);
        return List.copyOf(all);
    }

    /**
     * Why loading stopped before the end of the source (its memory budget, out of memory), or null while it
     * loads everything: then times after the last one held are not known, and queries for them are refused.
     */
    public String stoppedBy() {
        return stoppedBy;
    }

    /**
     * Why the images held can no longer be trusted (the file they are mapped from was truncated or replaced in
     * place), or null: then nothing of this recording is served, since its pixels may now be another file's.
     */
    public String sourceChanged() {
        return sourceChanged;
    }

    void markSourceChanged(String reason) {
        sourceChanged = reason;
        stop(reason);
    }

    synchronized void stop(String reason) {
        if (stoppedBy == null) {
            stoppedBy = reason;
        }
    }

    /** Returns true if the notice changed. */
    synchronized boolean setIncomplete(String notice) {
        boolean changed = !java.util.Objects.equals(incomplete, notice);
        incomplete = notice;
        return changed;
    }

    synchronized void addProblem(String problem) {
        // A damaged file that keeps growing must not grow this list without bound.
        if (problems.size() < 100) {
            problems.add(problem);
        }
    }

    @Override
    public String toString() {
        return "ViewedRecording[" + id.applicationId() + "/" + id.recordingId() + " from " + source + ", " + store + "]";
    }
}
