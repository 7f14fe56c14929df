package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
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
 * <p>Loading is as lenient as Rerun's viewer: a message that cannot be decoded is skipped, and damaged
 * framing ends the file; both are reported by {@link #problems()} and everything readable is kept.
 *
 * <pre>{@code
 * Recordings all = Recordings.load(Path.of("depth.rrd"));
 * for (Recording r : all.recordings()) {
 *     System.out.println(r.id().recordingId() + ": " + r.store());
 * }
 * }</pre>
 *
 * @param recordings every store (recordings and blueprints), in order of first appearance
 * @param problems   one line per skipped message or damage found
 */
public record Recordings(List<Recording> recordings, List<String> problems) {

    public Recordings {
        recordings = List.copyOf(recordings);
        problems = List.copyOf(problems);
    }

    /**
     * Reads and indexes every chunk of every store of the file.
     *
     * @throws IOException if the file cannot be opened or read (not for damaged content, see {@link #problems()})
     */
    public static Recordings load(Path rrd) throws IOException {
        Map<StoreId, ChunkStore> stores = new LinkedHashMap<>();
        Map<StoreId, StoreInfo> infos = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (LogMessageReader reader = LogMessageReader.open(rrd)) {
            while (true) {
                LogMessageReader.Entry entry;
                try {
                    entry = reader.next();
                } catch (RrdFormatException e) {
                    problems.add(e.getMessage());
                    continue; // a bad message is skipped; after damaged framing next() returns null
                }
                if (entry == null) {
                    break;
                }
                if (entry.message() instanceof LogMessage.StoreInfoMessage s) {
                    infos.putIfAbsent(s.storeId(), s.info());
                    stores.computeIfAbsent(s.storeId(), k -> new ChunkStore());
                } else if (entry.message() instanceof LogMessage.ChunkMessage c) {
                    stores.computeIfAbsent(c.storeId(), k -> new ChunkStore()).add(c.chunk());
                }
            }
        }
        List<Recording> out = new ArrayList<>();
        stores.forEach((id, store) -> out.add(new Recording(id, infos.get(id), store)));
        return new Recordings(out, problems);
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
