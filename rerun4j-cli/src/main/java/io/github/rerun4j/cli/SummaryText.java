package io.github.rerun4j.cli;

import io.github.rerun4j.cli.RecordingSummary.ChunkSummary;
import io.github.rerun4j.cli.RecordingSummary.ComponentSummary;
import io.github.rerun4j.cli.RecordingSummary.EntitySummary;
import io.github.rerun4j.cli.RecordingSummary.MessageCounts;
import io.github.rerun4j.cli.RecordingSummary.StoreSummary;
import io.github.rerun4j.cli.RecordingSummary.StreamSummary;
import io.github.rerun4j.cli.RecordingSummary.TimeRange;
import io.github.rerun4j.render.dataframe.TimeFormat;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.RerunVersion;
import io.github.rerun4j.sdk.rrd.StoreSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code rerun4j print}'s human-readable report of a {@link RecordingSummary}: file-level facts first, then
 * each store with its timelines and entities, then (verbose) every chunk with the values of its first row.
 */
final class SummaryText {

    private final PrintWriter out;

    private SummaryText(PrintWriter out) {
        this.out = out;
    }

    /**
     * Writes the report; with {@code listChunks}, the chunks come from a second pass over the file and are
     * written as they are read.
     *
     * @throws IOException if the file cannot be read again for the chunk list
     */
    static void write(RecordingSummary summary, boolean listChunks, PrintWriter out) throws IOException {
        new SummaryText(out).report(summary, listChunks);
    }

    private void report(RecordingSummary summary, boolean listChunks) throws IOException {
        out.println("File:         " + summary.file());
        for (StreamSummary stream : summary.streams()) {
            out.println("Stream:       " + streamText(stream));
        }
        out.println("Messages:     " + messagesText(summary.messages()));
        out.println("Compression:  " + compressionText(summary.messages()));
        out.println("Totals:       " + plural(summary.stores().size(), "store", "stores") + ", "
                + plural(summary.entityCount(), "entity", "entities") + ", " + plural(summary.chunkCount(), "chunk", "chunks")
                + ", " + plural(summary.rowCount(), "row", "rows"));
        for (StoreSummary store : summary.stores()) {
            out.println();
            store(store);
        }
        if (listChunks) {
            out.println();
            out.println("Chunks:");
            RecordingScanner.forEachChunk(summary.file(), true, this::chunk);
        }
    }

    private void store(StoreSummary store) {
        out.println(capitalize(kindText(store)) + " " + store.id().applicationId());
        out.println("  application id: " + store.id().applicationId());
        out.println("  recording id:   " + store.id().recordingId());
        out.println("  source:         " + (store.info() == null ? "(no SetStoreInfo in the file)" : sourceText(store.info().source())));
        out.println("  version:        " + versionText(store));
        out.println("  totals:         " + plural(store.entities().size(), "entity", "entities") + ", "
                + plural(store.chunkCount(), "chunk", "chunks") + ", " + plural(store.rowCount(), "row", "rows"));
        out.println("  timelines:" + (store.timelines().isEmpty() ? "      none (static data only)" : ""));
        int nameWidth = store.timelines().stream().mapToInt(t -> t.timeline().length()).max().orElse(0);
        for (TimeRange range : store.timelines()) {
            out.println("    " + pad(range.timeline(), nameWidth) + "  " + pad(typeText(range), 9) + "  " + range(range));
        }
        out.println("  entities:");
        for (EntitySummary entity : store.entities()) {
            entity(entity);
        }
    }

    private void entity(EntitySummary entity) {
        out.println("    " + entity.path() + ": " + plural(entity.chunks(), "chunk", "chunks") + ", "
                + plural(entity.rows(), "row", "rows")
                + (entity.staticChunks() == 0 ? "" : " (" + entity.staticChunks() + " static)"));
        if (!entity.timelines().isEmpty()) {
            out.println("      timelines: " + entity.timelines().stream()
                    .map(t -> t.timeline() + " " + range(t)).collect(Collectors.joining(", ")));
        }
        // The Arrow type goes last: it can be long (structs), and padding it would push everything else away.
        int nameWidth = entity.components().stream().mapToInt(c -> c.component().length()).max().orElse(0);
        int descriptorWidth = entity.components().stream().mapToInt(c -> descriptorText(c).length()).max().orElse(0);
        for (ComponentSummary component : entity.components()) {
            out.println("      " + pad(component.component(), nameWidth) + "  " + pad(descriptorText(component), descriptorWidth)
                    + "  " + component.arrowType());
        }
    }

    private void chunk(ChunkSummary chunk) {
        String times = chunk.isStatic() ? "static" : chunk.timelines().stream()
                .map(t -> t.timeline() + " " + range(t)).collect(Collectors.joining(", "));
        out.println("  byte " + chunk.offset() + ": chunk " + chunk.chunkId() + "  " + chunk.entityPath() + "  "
                + plural(chunk.rows(), "row", "rows") + "  " + times + "  (" + compressionName(chunk.compression()) + ")");
        if (chunk.firstRow().isEmpty()) {
            out.println("    first row: no archetype that rerun4j decodes");
        }
        for (String value : chunk.firstRow()) {
            out.println("    first row: " + value);
        }
    }

    // ---- wording shared with the JSON report ----

    static String streamText(StreamSummary stream) {
        return "byte " + stream.offset() + ": RRF2, written by Rerun " + stream.version() + ", LZ4 flag "
                + (stream.lz4() ? "on" : "off");
    }

    static String sourceText(StoreSource source) {
        byte[] extra = source.extra();
        if (source.kind() == StoreSource.KIND_OTHER && extra != null) {
            return "other \"" + new String(extra, StandardCharsets.UTF_8) + "\"";
        }
        if (source.kind() == StoreSource.KIND_UNSPECIFIED && extra == null) {
            return "unspecified";
        }
        return "kind " + source.kind() + (extra == null ? "" : " (" + extra.length + " bytes of extra data)");
    }

    static String compressionName(Compression compression) {
        return switch (compression) {
            case LZ4 -> "LZ4";
            case NONE -> "uncompressed";
            case UNSPECIFIED -> "uncompressed (unspecified)";
        };
    }

    static String kindText(StoreSummary store) {
        return store.id().kind().name().toLowerCase(Locale.ROOT);
    }

    static String typeText(TimeRange range) {
        return range.type().name().toLowerCase(Locale.ROOT);
    }

    private static String versionText(StoreSummary store) {
        RerunVersion storeVersion = store.storeVersion();
        String header = store.streamVersion() == null ? "unknown" : store.streamVersion().toString();
        return (storeVersion == null ? header : storeVersion.toString()) + " (stream header: " + header + ")";
    }

    private static String messagesText(MessageCounts m) {
        return m.total() + " (" + m.setStoreInfo() + " SetStoreInfo, " + m.arrowMsg() + " ArrowMsg, "
                + m.blueprintActivation() + " BlueprintActivation, " + m.end() + " End), " + m.bytes() + " bytes";
    }

    private static String compressionText(MessageCounts m) {
        if (m.arrowMsg() == 0) {
            return "no ArrowMsg payloads";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Compression, Long> e : new java.util.TreeMap<>(m.arrowCompression()).entrySet()) {
            parts.add(e.getValue() + " " + compressionName(e.getKey()));
        }
        return "ArrowMsg payloads " + String.join(", ", parts);
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String descriptorText(ComponentSummary component) {
        return "(" + orDash(component.archetype()) + ", " + orDash(component.componentType()) + ")";
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code min .. max}, or just {@code min} when both are the same. */
    static String range(TimeRange range) {
        String min = TimeFormat.format(range.type(), range.min());
        return range.min() == range.max() ? min : min + " .. " + TimeFormat.format(range.type(), range.max());
    }
}
