package io.github.rerun4j.viewer.hub;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.store.LoadProblem;
import io.github.rerun4j.store.RecordingLoader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Feeds what {@link RecordingLoader} reads from one source into a {@link RecordingHub}: messages to their
 * recording, each problem (starting with the file's name, since files may share a recording) to the recording
 * being read when it happened, or to the source's own stand-in recording before any was named.
 *
 * <pre>{@code
 * RecordingLoader.of(reader, path.toString(), HubListener.of(hub, path.toString())).readAll();
 * }</pre>
 */
public final class HubListener implements RecordingLoader.Listener {

    private final RecordingHub hub;
    private final String source;
    private final String fileName;

    private HubListener(RecordingHub hub, String source) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.source = Objects.requireNonNull(source, "source");
        this.fileName = fileName(source);
    }

    /**
     * The last element of a file path: what problems shown in the page name, so that they tell files apart
     * without handing the page the directories of the user's disk.
     */
    static String fileName(String source) {
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }

    /** A listener feeding {@code hub} with what is read from {@code source} (a file path). */
    public static HubListener of(RecordingHub hub, String source) {
        return new HubListener(hub, source);
    }

    @Override
    public void message(LogMessage message, RrdRecord record) {
        hub.accept(message, source);
    }

    @Override
    public void problem(LoadProblem problem) {
        if (problem.kind() == LoadProblem.Kind.OUT_OF_MEMORY) {
            hub.stop(problem.store(), source, fileName + ": " + problem.reason());
            return;
        }
        hub.addProblem(problem.store(), source, fileName + ": " + problem.reason());
    }
}
