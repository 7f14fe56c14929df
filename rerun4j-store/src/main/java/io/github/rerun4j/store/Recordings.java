package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.rrd.StoreKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every store of an {@code .rrd} file, each with its own {@link ChunkStore}, in order of first appearance.
 *
 * <p>Loading is {@link RecordingLoader}'s, as lenient as Rerun's viewer: a message that cannot be decoded is
 * skipped, and damaged framing ends the file; both are reported by {@link #problems()} and everything readable
 * is kept.
 *
 * <pre>{@code
 * Recordings all = Recordings.load(Path.of("depth.rrd"));
 * for (Recording r : all.recordings()) {
 *     System.out.println(r.id().recordingId() + ": " + r.store());
 * }
 * }</pre>
 *
 * @param recordings every store (recordings and blueprints), in order of first appearance
 * @param problems   one line per skipped message or damage found ({@link LoadProblem#reason()}: the file is
 *                   the one that was loaded)
 */
public record Recordings(List<Recording> recordings, List<String> problems) {

    public Recordings {
        recordings = List.copyOf(recordings);
        problems = List.copyOf(problems);
    }

    /**
     * Reads and indexes every chunk of every store of the file. Big payloads (images) are mapped from the file,
     * not copied into the heap ({@link RrdReader#openMapped}): a recording far bigger than the heap loads, and the
     * file must not be changed in place while the recordings are in use.
     *
     * @throws IOException       if the file cannot be opened or read (not for damaged content, see {@link #problems()})
     * @throws OutOfMemoryError if a message does not fit in the heap: a limit of this JVM rather than a problem
     *                          of the file, so it is rethrown once reading has stopped
     */
    public static Recordings load(Path rrd) throws IOException {
        Collector collector = new Collector();
        try (RrdReader reader = RrdReader.openMapped(rrd)) {
            RecordingLoader.of(reader, rrd.toString(), collector).readAll();
        }
        if (collector.outOfMemory != null) {
            throw collector.outOfMemory;  // the heap's limit, not the file's fault: the caller says what to do
        }
        List<Recording> out = new ArrayList<>();
        collector.stores.forEach((id, store) -> out.add(new Recording(id, collector.infos.get(id), store)));
        return new Recordings(out, collector.problems);
    }

    /** One ChunkStore per store id, in order of first appearance; the first store info of each wins. */
    private static final class Collector implements RecordingLoader.Listener {
        private final Map<StoreId, ChunkStore> stores = new LinkedHashMap<>();
        private final Map<StoreId, StoreInfo> infos = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private OutOfMemoryError outOfMemory;

        @Override
        public void message(LogMessage message, RrdRecord record) {
            ChunkStore store = stores.computeIfAbsent(message.storeId(), k -> new ChunkStore());
            if (message instanceof LogMessage.StoreInfoMessage s) {
                infos.putIfAbsent(s.storeId(), s.info());
            } else if (message instanceof LogMessage.ChunkMessage c) {
                store.add(c.chunk());
            }
        }

        @Override
        public void problem(LoadProblem problem) {
            if (problem.kind() == LoadProblem.Kind.OUT_OF_MEMORY && problem.cause() instanceof OutOfMemoryError e) {
                outOfMemory = e;
            } else {
                problems.add(problem.reason());  // one file per Recordings: its callers name it
            }
        }
    }

    /** The first store of kind recording (not a blueprint). */
    public Optional<Recording> firstRecording() {
        return recordings.stream().filter(r -> r.id().kind() == StoreKind.RECORDING).findFirst();
    }

    /** The store with {@code id}. */
    public Optional<Recording> get(StoreId id) {
        return recordings.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
