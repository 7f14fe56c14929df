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
    private final String source;
    private final ChunkStore store = new ChunkStore();
    private final List<String> problems = new ArrayList<>();

    ViewedRecording(StoreId id, String source) {
        this.id = id;
        this.source = source;
    }

    public StoreId id() {
        return id;
    }

    /** The recording id, used in API paths. */
    public String key() {
        return id.recordingId();
    }

    /** A file path, or {@code "live"} for a logging process. */
    public String source() {
        return source;
    }

    public ChunkStore store() {
        return store;
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
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
