package io.github.rerun4j.cli;

import io.github.rerun4j.cli.RecordingSummary.ChunkSummary;
import io.github.rerun4j.cli.RecordingSummary.ComponentSummary;
import io.github.rerun4j.cli.RecordingSummary.EntitySummary;
import io.github.rerun4j.cli.RecordingSummary.MessageCounts;
import io.github.rerun4j.cli.RecordingSummary.Problem;
import io.github.rerun4j.cli.RecordingSummary.StoreSummary;
import io.github.rerun4j.cli.RecordingSummary.StreamSummary;
import io.github.rerun4j.cli.RecordingSummary.TimeRange;
import io.github.rerun4j.sdk.archetypes.Archetype;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RerunVersion;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.rrd.StreamHeader;
import io.github.rerun4j.sdk.types.ErrorText;
import io.github.rerun4j.store.LoadProblem;
import io.github.rerun4j.store.RecordingLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a whole {@code .rrd} file into a {@link RecordingSummary} through {@link RecordingLoader} (the read loop
 * every reader shares), recording problems instead of stopping at the first one wherever the loop can go on.
 *
 * <p>Memory does not grow with the number of chunks: a scan keeps counts per store, entity and component, not
 * per chunk, and at most {@value #MAX_KEPT_PROBLEMS} problems (the rest are counted). {@code print --verbose}
 * lists chunks from a second pass ({@link #forEachChunk}), streamed as they are read.
 */
public final class RecordingScanner {

    /** Problems kept for the report; a file with more only adds to the count of the rest. */
    static final int MAX_KEPT_PROBLEMS = 1000;

    private final Path file;
    private final List<StreamSummary> streams = new ArrayList<>();
    private final Map<StoreId, StoreAccumulator> stores = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Compression, Long> arrowCompression = new EnumMap<>(Compression.class);
    private long moreProblems;
    private long messages;
    private long setStoreInfo;
    private long arrowMsg;
    private long blueprintActivation;
    private long end;
    private long bytes;
    private long chunks;
    private long rows;

    private OutOfMemoryError outOfMemory;
    private RrdReader reader;
    private StreamHeader currentHeader;

    private RecordingScanner(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code file} to the end, or to the first damage that ends the stream.
     *
     * @throws IOException       only if the file cannot be opened; problems inside the file end up in
     *                            {@link RecordingSummary#problems()}
     * @throws OutOfMemoryError when a message does not fit in the heap (reading stopped there)
     */
    public static RecordingSummary scan(Path file) throws IOException {
        RecordingScanner scanner = new RecordingScanner(file);
        try (RrdReader reader = RrdReader.openMapped(file)) {
            scanner.reader = reader;
            try {
                RecordingLoader.of(reader, file.toString(), scanner.new Counting()).readAll();
            } catch (IOException e) {
                // Damage is a LoadProblem; what arrives here is the disk failing under a sound file.
                scanner.keep(new Problem(scanner.bytes, "cannot read the file: " + ErrorText.describe(e), e));
            }
        }
        if (scanner.outOfMemory != null) {
            throw scanner.outOfMemory;  // the heap, not the file: Main says so with a hint (exit 2)
        }
        return scanner.summary();
    }

    /**
     * Every chunk of {@code file} in file order, handed to {@code action} as it is read (nothing is kept): the
     * chunk list of {@code print --verbose}. Problems were reported by {@link #scan} and are not repeated.
     *
     * @param decodeFirstRows also decode the archetypes of each chunk's first row
     */
    public static void forEachChunk(Path file, boolean decodeFirstRows, Consumer<ChunkSummary> action) throws IOException {
        try (RrdReader reader = RrdReader.openMapped(file)) {
            RecordingLoader.of(reader, file.toString(), new RecordingLoader.Listener() {
                @Override
                public void message(LogMessage message, RrdRecord record) {
                    if (message instanceof LogMessage.ChunkMessage c) {
                        action.accept(chunkSummary(record, c, decodeFirstRows));
                    }
                }

                @Override
                public void problem(LoadProblem problem) {
                    // already in the summary of the first pass
                }
            }).readAll();
        }
    }

    /** The first pass: counts and per-store facts. */
    private final class Counting implements RecordingLoader.Listener {
        @Override
        public void framed(RrdRecord record) {
            noteStreamHeader(reader.streamHeader(), record.offset());
            countMessage(record);
        }

        @Override
        public void message(LogMessage message, RrdRecord record) {
            if (message instanceof LogMessage.StoreInfoMessage s) {
                store(s.storeId()).noteInfo(s.info());
            } else if (message instanceof LogMessage.ChunkMessage c) {
                store(c.storeId()).add(c.chunk());
                chunks++;
                rows += c.chunk().rowCount();
            }
        }

        @Override
        public void problem(LoadProblem problem) {
            if (problem.kind() == LoadProblem.Kind.OUT_OF_MEMORY && problem.cause() instanceof OutOfMemoryError e) {
                outOfMemory = e;
                return;
            }
            // The CLI names the file on each line itself (FILE: byte N: reason), so the reason goes alone.
            keep(new Problem(problem.messageOffset(), problem.reason(), problem.cause()));
        }
    }

    private void keep(Problem problem) {
        if (problems.size() < MAX_KEPT_PROBLEMS) {
            problems.add(problem);
        } else {
            moreProblems++;
        }
    }

    private void noteStreamHeader(StreamHeader header, long messageOffset) {
        if (header != null && header != currentHeader) {
            // The reader parses a fresh header object for each concatenated stream; the header sits right before
            // the stream's first message.
            long offset = streams.isEmpty() ? 0 : messageOffset - StreamHeader.BYTES;
            streams.add(new StreamSummary(offset, header.version(), header.lz4()));
            currentHeader = header;
        }
    }

    private void countMessage(RrdRecord record) {
        messages++;
        bytes += record.framedLength();
        RrdMessage message = record.message();
        if (message instanceof RrdMessage.SetStoreInfo) {
            setStoreInfo++;
        } else if (message instanceof RrdMessage.ArrowMsg) {
            arrowMsg++;
            arrowCompression.merge(record.payloadCompression(), 1L, Long::sum);
        } else if (message instanceof RrdMessage.BlueprintActivation) {
            blueprintActivation++;
        } else if (message instanceof RrdMessage.End) {
            end++;
        }
    }

    private static ChunkSummary chunkSummary(RrdRecord record, LogMessage.ChunkMessage message, boolean decodeFirstRows) {
        Chunk chunk = message.chunk();
        return new ChunkSummary(record.offset(), message.storeId(), chunk.id().toString(), chunk.entityPath(),
                chunk.rowCount(), ranges(chunk), record.payloadCompression(), decodeFirstRows ? firstRow(chunk) : List.of());
    }

    private static List<String> firstRow(Chunk chunk) {
        if (chunk.rowCount() == 0) {
            return List.of();
        }
        try {
            return ArchetypeCodec.readAll(chunk, 0).stream().map(Archetype::toString).toList();
        } catch (RuntimeException e) {
            // Decoding values is a courtesy of --verbose; a value it cannot show must not hide the rest.
            return List.of("(cannot decode: " + describe(e) + ")");
        }
    }

    private static List<TimeRange> ranges(Chunk chunk) {
        List<TimeRange> out = new ArrayList<>();
        if (chunk.rowCount() == 0) {
            return out;
        }
        for (TimeColumn column : chunk.timelines()) {
            out.add(new TimeRange(column.timeline().name(), column.timeline().type(), column.min(), column.max()));
        }
        return out;
    }

    private StoreAccumulator store(StoreId id) {
        return stores.computeIfAbsent(id, k -> new StoreAccumulator(k, currentHeader == null ? null : currentHeader.version()));
    }

    private RecordingSummary summary() {
        MessageCounts counts = new MessageCounts(messages, setStoreInfo, arrowMsg, blueprintActivation, end,
                arrowCompression, bytes);
        List<StoreSummary> storeSummaries = stores.values().stream().map(StoreAccumulator::summary).toList();
        return new RecordingSummary(file, streams, counts, storeSummaries, chunks, rows, problems, moreProblems);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** What is known so far about one store. */
    private static final class StoreAccumulator {
        private final StoreId id;
        private final RerunVersion streamVersion;
        private StoreInfo info;
        private final Map<String, EntityAccumulator> entities = new TreeMap<>();
        private final Map<String, TimeRange> timelines = new TreeMap<>();

        StoreAccumulator(StoreId id, RerunVersion streamVersion) {
            this.id = id;
            this.streamVersion = streamVersion;
        }

        void noteInfo(StoreInfo storeInfo) {
            // The first announcement wins: later ones (a re-sent SetStoreInfo) describe the same store.
            if (info == null) {
                info = storeInfo;
            }
        }

        void add(Chunk chunk) {
            entities.computeIfAbsent(chunk.entityPath(), EntityAccumulator::new).add(chunk);
            for (TimeRange range : ranges(chunk)) {
                timelines.merge(range.timeline(), range, TimeRange::merge);
            }
        }

        StoreSummary summary() {
            return new StoreSummary(id, info, streamVersion,
                    entities.values().stream().map(EntityAccumulator::summary).toList(), List.copyOf(timelines.values()));
        }
    }

    /** What is known so far about one entity of a store. */
    private static final class EntityAccumulator {
        private final String path;
        private int chunks;
        private long rows;
        private int staticChunks;
        private final Map<String, TimeRange> timelines = new TreeMap<>();
        private final Map<String, ComponentAccumulator> components = new TreeMap<>();

        EntityAccumulator(String path) {
            this.path = path;
        }

        void add(Chunk chunk) {
            chunks++;
            rows += chunk.rowCount();
            if (chunk.isStatic()) {
                staticChunks++;
            }
            for (TimeRange range : ranges(chunk)) {
                timelines.merge(range.timeline(), range, TimeRange::merge);
            }
            for (ComponentColumn column : chunk.components()) {
                components.computeIfAbsent(column.descriptor().component(), k -> new ComponentAccumulator(column)).add(column);
            }
        }

        EntitySummary summary() {
            return new EntitySummary(path, chunks, rows, staticChunks, List.copyOf(timelines.values()),
                    components.values().stream().map(ComponentAccumulator::summary).toList());
        }
    }

    /** One component of an entity, with every Arrow type its columns had. */
    private static final class ComponentAccumulator {
        private final ComponentColumn first;
        private final Set<String> arrowTypes = new LinkedHashSet<>();

        ComponentAccumulator(ComponentColumn first) {
            this.first = first;
        }

        void add(ComponentColumn column) {
            // The instance type, as Rerun's `rrd print` shows it (each row is a list of these).
            arrowTypes.add(column.datatype());
        }

        ComponentSummary summary() {
            return new ComponentSummary(first.descriptor().component(), first.descriptor().archetype(),
                    first.descriptor().componentType(), String.join(" | ", arrowTypes));
        }
    }
}
