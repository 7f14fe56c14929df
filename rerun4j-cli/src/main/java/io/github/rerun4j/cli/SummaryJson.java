package io.github.rerun4j.cli;

import io.github.rerun4j.cli.RecordingSummary.ChunkSummary;
import io.github.rerun4j.cli.RecordingSummary.ComponentSummary;
import io.github.rerun4j.cli.RecordingSummary.EntitySummary;
import io.github.rerun4j.cli.RecordingSummary.MessageCounts;
import io.github.rerun4j.cli.RecordingSummary.Problem;
import io.github.rerun4j.cli.RecordingSummary.StoreSummary;
import io.github.rerun4j.cli.RecordingSummary.StreamSummary;
import io.github.rerun4j.cli.RecordingSummary.TimeRange;
import io.github.rerun4j.render.dataframe.TimeFormat;
import io.github.rerun4j.render.export.JsonWriter;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.StoreSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code rerun4j print --json}: the same facts as {@link SummaryText}, as one JSON object. Times are given
 * both raw ({@code min}, {@code max}: integers, nanoseconds for timestamps and durations) and formatted
 * ({@code min_text}, {@code max_text}), so that scripts need not know Rerun's time encoding.
 */
final class SummaryJson {

    private final JsonWriter json = new JsonWriter();

    private SummaryJson() {
    }

    /**
     * Writes the report to {@code out}; with {@code listChunks}, the chunks come from a second pass over the file
     * and each is written as soon as it is read, so the document's size never sits in memory.
     *
     * @throws IOException if the file cannot be read again for the chunk list
     */
    static void write(RecordingSummary summary, boolean listChunks, PrintWriter out) throws IOException {
        SummaryJson writer = new SummaryJson();
        writer.report(summary, listChunks, out);
        writer.json.drainTo(out);
        out.println();
    }

    private void report(RecordingSummary summary, boolean listChunks, PrintWriter out) throws IOException {
        json.beginObject();
        json.name("file").value(summary.file().toString());
        json.name("ok").value(summary.isSound());
        json.name("streams").beginArray();
        for (StreamSummary stream : summary.streams()) {
            json.beginObject().name("offset").value(stream.offset()).name("version").value(stream.version().toString())
                    .name("lz4").value(stream.lz4()).endObject();
        }
        json.endArray();
        messages(summary.messages());
        json.name("store_count").value(summary.stores().size());
        json.name("entity_count").value(summary.entityCount());
        json.name("chunk_count").value(summary.chunkCount());
        json.name("row_count").value(summary.rowCount());
        json.name("stores").beginArray();
        for (StoreSummary store : summary.stores()) {
            store(store);
        }
        json.endArray();
        if (listChunks) {
            json.name("chunks").beginArray();
            RecordingScanner.forEachChunk(summary.file(), true, chunk -> {
                chunk(chunk);
                json.drainTo(out);
            });
            json.endArray();
        }
        json.name("problems").beginArray();
        for (Problem problem : summary.problems()) {
            json.beginObject().name("offset").value(problem.offset()).name("reason").value(problem.reason()).endObject();
        }
        json.endArray();
        json.name("more_problems").value(summary.moreProblems());
        json.endObject();
    }

    private void messages(MessageCounts m) {
        json.name("messages").beginObject()
                .name("total").value(m.total())
                .name("SetStoreInfo").value(m.setStoreInfo())
                .name("ArrowMsg").value(m.arrowMsg())
                .name("BlueprintActivation").value(m.blueprintActivation())
                .name("End").value(m.end())
                .name("bytes").value(m.bytes())
                .endObject();
        json.name("compression").beginObject();
        for (Compression compression : Compression.values()) {
            json.name(compression.name().toLowerCase(java.util.Locale.ROOT)).value(m.arrowCompression().getOrDefault(compression, 0L));
        }
        json.endObject();
    }

    private void store(StoreSummary store) {
        json.beginObject();
        json.name("kind").value(SummaryText.kindText(store));
        json.name("application_id").value(store.id().applicationId());
        json.name("recording_id").value(store.id().recordingId());
        if (store.info() == null) {
            json.name("source").value((String) null);
        } else {
            StoreSource source = store.info().source();
            byte[] extra = source.extra();
            json.name("source").beginObject()
                    .name("kind").value(source.kind())
                    .name("text").value(SummaryText.sourceText(source));
            // Only OTHER's extra is text (a description); other kinds' extras are binary, so only their size is given.
            if (source.kind() == StoreSource.KIND_OTHER && extra != null) {
                json.name("description").value(new String(extra, StandardCharsets.UTF_8));
            } else {
                json.name("extra_bytes").value(extra == null ? 0 : extra.length);
            }
            json.endObject();
        }
        json.name("store_version").value(store.storeVersion() == null ? null : store.storeVersion().toString());
        json.name("stream_version").value(store.streamVersion() == null ? null : store.streamVersion().toString());
        json.name("entity_count").value(store.entities().size());
        json.name("chunk_count").value(store.chunkCount());
        json.name("row_count").value(store.rowCount());
        timelines(store.timelines());
        json.name("entities").beginArray();
        for (EntitySummary entity : store.entities()) {
            entity(entity);
        }
        json.endArray();
        json.endObject();
    }

    private void entity(EntitySummary entity) {
        json.beginObject();
        json.name("path").value(entity.path());
        json.name("chunk_count").value(entity.chunks());
        json.name("row_count").value(entity.rows());
        json.name("static_chunk_count").value(entity.staticChunks());
        timelines(entity.timelines());
        json.name("components").beginArray();
        for (ComponentSummary c : entity.components()) {
            json.beginObject()
                    .name("component").value(c.component())
                    .name("archetype").value(c.archetype())
                    .name("component_type").value(c.componentType())
                    .name("arrow_type").value(c.arrowType())
                    .endObject();
        }
        json.endArray();
        json.endObject();
    }

    private void chunk(ChunkSummary chunk) {
        json.beginObject();
        json.name("offset").value(chunk.offset());
        json.name("id").value(chunk.chunkId());
        json.name("application_id").value(chunk.store().applicationId());
        json.name("recording_id").value(chunk.store().recordingId());
        json.name("entity").value(chunk.entityPath());
        json.name("row_count").value(chunk.rows());
        json.name("static").value(chunk.isStatic());
        json.name("compression").value(chunk.compression().name().toLowerCase(java.util.Locale.ROOT));
        timelines(chunk.timelines());
        json.name("first_row").beginArray();
        for (String value : chunk.firstRow()) {
            json.value(value);
        }
        json.endArray();
        json.endObject();
    }

    private void timelines(List<TimeRange> ranges) {
        json.name("timelines").beginArray();
        for (TimeRange range : ranges) {
            json.beginObject()
                    .name("name").value(range.timeline())
                    .name("type").value(SummaryText.typeText(range))
                    .name("min").value(range.min())
                    .name("max").value(range.max())
                    .name("min_text").value(TimeFormat.format(range.type(), range.min()))
                    .name("max_text").value(TimeFormat.format(range.type(), range.max()))
                    .endObject();
        }
        json.endArray();
    }
}
