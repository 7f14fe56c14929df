package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.RerunVersion;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an {@code .rrd} file holds, in the terms {@code print} and {@code verify} report: stream headers,
 * message counts, stores with their entities, components and timelines, and every problem met on the way.
 * Built by {@link RecordingScanner}; rendered by {@link SummaryText} and {@link SummaryJson}. Chunks are listed
 * by {@link RecordingScanner#forEachChunk} ({@link ChunkSummary}), never held here.
 *
 * @param file     the file read
 * @param streams  one entry per RRF2 stream header (several after {@code cat a.rrd b.rrd})
 * @param messages what kinds of message the file holds
 * @param stores   stores in the order the file first mentions them
 * @param chunkCount decoded chunks over all stores (counted, not kept: a scan's memory does not grow with them)
 * @param rowCount   rows over those chunks
 * @param problems problems in file order, the first {@value RecordingScanner#MAX_KEPT_PROBLEMS} of them; empty
 *                 for a sound file
 * @param moreProblems problems found after those, counted only
 */
public record RecordingSummary(Path file, List<StreamSummary> streams, MessageCounts messages,
                               List<StoreSummary> stores, long chunkCount, long rowCount, List<Problem> problems,
                               long moreProblems) {

    public RecordingSummary {
        streams = List.copyOf(streams);
        stores = List.copyOf(stores);
        problems = List.copyOf(problems);
    }

    /** True when every message decoded. */
    public boolean isSound() {
        return problems.isEmpty();
    }

    /** Distinct entities over all stores. */
    public long entityCount() {
        return stores.stream().mapToLong(s -> s.entities().size()).sum();
    }

    /**
     * One RRF2 stream header.
     *
     * @param offset  where the header starts (for a later stream: 12 bytes before its first message)
     * @param version the Rerun version that wrote the stream
     * @param lz4     the header's (advisory) compression flag
     */
    public record StreamSummary(long offset, RerunVersion version, boolean lz4) {
    }

    /**
     * Messages by kind, and how the ArrowMsg payloads were stored.
     *
     * @param total                every framed message read, whatever its kind and whether it decoded
     * @param setStoreInfo         SetStoreInfo messages
     * @param arrowMsg             ArrowMsg messages
     * @param blueprintActivation  BlueprintActivation messages
     * @param end                  End markers
     * @param arrowCompression     ArrowMsg count per payload compression
     * @param bytes                framed bytes of the messages read (headers and footers not counted)
     */
    public record MessageCounts(long total, long setStoreInfo, long arrowMsg, long blueprintActivation, long end,
                                Map<Compression, Long> arrowCompression, long bytes) {
        public MessageCounts {
            arrowCompression = Map.copyOf(arrowCompression);
        }
    }

    /**
     * One store (recording or blueprint).
     *
     * @param id            the store's id (kind, application id, recording id)
     * @param info          its SetStoreInfo, or null if the file has chunks for it but no store info
     * @param streamVersion the version in the stream header in effect where the store was first seen
     * @param entities      entities sorted by path
     * @param timelines     every timeline of the store with its overall range, sorted by name
     */
    public record StoreSummary(StoreId id, StoreInfo info, RerunVersion streamVersion, List<EntitySummary> entities,
                               List<TimeRange> timelines) {
        public StoreSummary {
            entities = List.copyOf(entities);
            timelines = List.copyOf(timelines);
        }

        public int chunkCount() {
            return entities.stream().mapToInt(EntitySummary::chunks).sum();
        }

        public long rowCount() {
            return entities.stream().mapToLong(EntitySummary::rows).sum();
        }

        /** The version recorded in the store info, or null when absent. */
        public RerunVersion storeVersion() {
            return info == null || info.storeVersionBits() == null ? null : RerunVersion.fromBits(info.storeVersionBits());
        }
    }

    /**
     * One entity of a store.
     *
     * @param path         canonical entity path, e.g. {@code /world/camera}
     * @param chunks       chunks for this entity
     * @param rows         rows over those chunks
     * @param staticChunks how many of them are static (no timeline)
     * @param timelines    the entity's timelines with their range, sorted by name
     * @param components   the entity's components, sorted by identifier
     */
    public record EntitySummary(String path, int chunks, long rows, int staticChunks, List<TimeRange> timelines,
                                List<ComponentSummary> components) {
        public EntitySummary {
            timelines = List.copyOf(timelines);
            components = List.copyOf(components);
        }
    }

    /**
     * One component column as seen across an entity's chunks.
     *
     * @param component     identifier, e.g. {@code DepthImage:buffer}
     * @param archetype     e.g. {@code rerun.archetypes.DepthImage}, or null when the file does not say
     * @param componentType e.g. {@code rerun.components.ImageBuffer}, or null when the file does not say
     * @param arrowType     Arrow type of the column, e.g. {@code List<item: non-null UInt8>}; several types
     *                      (from different chunks) are joined with {@code " | "}
     */
    public record ComponentSummary(String component, String archetype, String componentType, String arrowType) {
    }

    /**
     * The range of times on one timeline.
     *
     * @param timeline timeline name, e.g. {@code log_tick}
     * @param type     sequence, timestamp (ns since epoch) or duration (ns)
     * @param min      smallest time
     * @param max      largest time
     */
    public record TimeRange(String timeline, TimeType type, long min, long max) {

        /** The range covering both. */
        public TimeRange merge(TimeRange other) {
            return new TimeRange(timeline, type, Math.min(min, other.min), Math.max(max, other.max));
        }
    }

    /**
     * One decoded chunk, as {@code print --verbose} lists it.
     *
     * @param offset      byte offset of its ArrowMsg
     * @param store       the store it belongs to
     * @param chunkId     the chunk's id
     * @param entityPath  its entity
     * @param rows        its row count
     * @param timelines   its timelines with ranges; empty for a static chunk
     * @param compression how its payload was stored
     * @param firstRow    the archetypes rerun4j decodes from its first row ({@code toString} of each); empty
     *                    unless the scan was asked to decode them
     */
    public record ChunkSummary(long offset, StoreId store, String chunkId, String entityPath, int rows,
                               List<TimeRange> timelines, Compression compression, List<String> firstRow) {
        public ChunkSummary {
            timelines = List.copyOf(timelines);
            firstRow = List.copyOf(firstRow);
        }

        public boolean isStatic() {
            return timelines.isEmpty();
        }
    }

    /**
     * A message that could not be read or decoded.
     *
     * @param offset byte offset of the damaged message (or stream header)
     * @param reason what is wrong, as the reader said it
     * @param cause  the exception, shown with {@code --verbose}
     */
    public record Problem(long offset, String reason, Throwable cause) {
    }
}
