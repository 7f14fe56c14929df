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
import io.github.rerun4j.sdk.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.rrd.RerunVersion;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.rrd.StreamHeader;
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

/**
 * Reads a whole {@code .rrd} file into a {@link RecordingSummary}, recording problems instead of stopping
 * at the first one wherever the reader can go on.
 *
 * <p>It walks the file the way {@link io.github.rerun4j.sdk.rrd.LogMessageReader} does ({@link RrdReader}
 * for framing, {@link LogMessageCodec#decode} for chunks) but holds the {@link RrdReader} itself, because
 * only that one tells which stream header is in effect, which {@code print} reports.
 */
public final class RecordingScanner {

    private final boolean decodeFirstRows;

    private final List<StreamSummary> streams = new ArrayList<>();
    private final Map<StoreId, StoreAccumulator> stores = new LinkedHashMap<>();
    private final List<ChunkSummary> chunks = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Compression, Long> arrowCompression = new EnumMap<>(Compression.class);
    private long messages;
    private long setStoreInfo;
    private long arrowMsg;
    private long blueprintActivation;
    private long end;
    private long bytes;

    private StreamHeader currentHeader;

    /**
     * @param decodeFirstRows also decode the archetypes of each chunk's first row (for {@code print --verbose});
     *                        off by default because it costs a decode per chunk that nothing else needs
     */
    private RecordingScanner(boolean decodeFirstRows) {
        this.decodeFirstRows = decodeFirstRows;
    }

    /**
     * Reads {@code file} to the end, or to the first damage that ends the stream.
     *
     * @throws IOException only if the file cannot be opened; problems inside the file end up in
     *                     {@link RecordingSummary#problems()}
     */
    public static RecordingSummary scan(Path file, boolean decodeFirstRows) throws IOException {
        RecordingScanner scanner = new RecordingScanner(decodeFirstRows);
        try (RrdReader reader = RrdReader.open(file)) {
            scanner.readAll(reader);
        }
        return scanner.summary(file);
    }

    private void readAll(RrdReader reader) {
        long position = 0;
        while (true) {
            RrdRecord record;
            try {
                record = reader.next();
            } catch (RrdFormatException e) {
                // Framing, protobuf or LZ4 damage: the reader cannot find the next message, so this ends the file.
                problems.add(new Problem(e.messageOffset(), e.getMessage(), e));
                return;
            } catch (IOException e) {
                problems.add(new Problem(position, "cannot read the file: " + e.getMessage(), e));
                return;
            } catch (RuntimeException e) {
                // A reader bug on strange input must still give one line, not a crash; the reader's state is unknown.
                problems.add(new Problem(position, "unexpected " + describe(e), e));
                return;
            }
            if (record == null) {
                return;
            }
            position = record.offset() + record.framedLength();
            noteStreamHeader(reader.streamHeader(), record.offset());
            countMessage(record);
            decode(record);
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

    private void decode(RrdRecord record) {
        LogMessage message;
        try {
            message = LogMessageCodec.decode(record);
        } catch (RrdFormatException e) {
            // Only this chunk is bad; the framing is intact, so the next message is still readable.
            problems.add(new Problem(e.messageOffset(), e.getMessage(), e));
            return;
        } catch (RuntimeException e) {
            problems.add(new Problem(record.offset(), kindName(record.message()) + " at byte " + record.offset()
                    + ": unexpected " + describe(e), e));
            return;
        }
        if (message instanceof LogMessage.StoreInfoMessage s) {
            store(s.storeId()).noteInfo(s.info());
        } else if (message instanceof LogMessage.ChunkMessage c) {
            store(c.storeId()).add(c.chunk());
            chunks.add(chunkSummary(record, c));
        }
    }

    private ChunkSummary chunkSummary(RrdRecord record, LogMessage.ChunkMessage message) {
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

    private RecordingSummary summary(Path file) {
        MessageCounts counts = new MessageCounts(messages, setStoreInfo, arrowMsg, blueprintActivation, end,
                arrowCompression, bytes);
        List<StoreSummary> storeSummaries = stores.values().stream().map(StoreAccumulator::summary).toList();
        return new RecordingSummary(file, streams, counts, storeSummaries, chunks, problems);
    }

    private static String kindName(RrdMessage message) {
        return message.getClass().getSimpleName();
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
