package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.dataframe.DataframeTable;
import io.github.rerun4j.render.export.DataframeCsv;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.store.TimelineInfo;
import io.github.rerun4j.viewer.hub.RecordingHub;
import io.github.rerun4j.viewer.hub.ViewedRecording;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/**
 * The dataframe routes (docs/viewer-api.md): a page of the table as {@link DataframePageJson}, and the whole table
 * as {@link DataframeCsv}, the same bytes as {@code rerun4j dataframe FILE --format csv} for the same query.
 *
 * <p>Parameters: {@code timeline} absent means the CLI's default ({@code ChunkStore.defaultTimeline}, Rerun's
 * pick; static rows only if there is none); {@code timeline=} (empty) asks for the static rows only.
 * {@code entity} is a path prefix of whole parts ({@code /world} selects {@code /world/camera}).
 *
 * <pre>{@code
 * GET /api/recordings/{id}/dataframe?timeline=log_tick&entity=/world&offset=100&limit=100
 * GET /api/recordings/{id}/dataframe.csv?timeline=log_tick
 * }</pre>
 */
final class DataframeRoutes {

    /** Rows of a page when the request does not say. */
    static final int DEFAULT_LIMIT = 100;
    /** The most rows of one page: a page is built in memory and sent in one piece. */
    static final int MAX_LIMIT = 1000;

    private final RecordingHub hub;

    DataframeRoutes(RecordingHub hub) {
        this.hub = hub;
    }

    void page(Context ctx) {
        String entity = entityParam(ctx);
        long offset = longParam(ctx, "offset", 0, 0, Long.MAX_VALUE, "an integer >= 0");
        int limit = (int) longParam(ctx, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT, "an integer from 0 to " + MAX_LIMIT);
        ViewedRecording r = recording(ctx);
        DataframeQuery query = query(ctx, r.store(), entity);
        DataframeTable table = DataframeTable.query(r.store(), query, offset, limit);
        ctx.json(DataframePageJson.of(table));
    }

    void csv(Context ctx) throws IOException {
        String entity = entityParam(ctx);
        ViewedRecording r = recording(ctx);
        DataframeQuery query = query(ctx, r.store(), entity);
        String name = r.id().applicationId() + "-" + (query.timeline() == null ? "static" : query.timeline());
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + safeFileName(name) + ".csv\"");
        // A page of rows at a time, straight to the client: memory stays at one page whatever the table's size.
        DataframeCsv.write(r.store(), query, ctx.outputStream());
    }

    /** The {@code entity} parameter, checked as a path (null if absent or empty) before anything is looked up. */
    private static String entityParam(Context ctx) {
        String entity = ctx.queryParam("entity");
        if (entity == null || entity.isEmpty()) {
            return null;
        }
        try {
            EntityPath.parse(entity);
        } catch (IllegalArgumentException e) { // a bad escape in the path
            throw BadRequest.invalid("entity", entity, "an entity path (" + e.getMessage() + ")");
        }
        return entity;
    }

    private ViewedRecording recording(Context ctx) {
        String key = ctx.pathParam("rec");
        return hub.get(key).orElseThrow(() -> BadRequest.notFound("no recording " + key));
    }

    /** The timeline and entity filter of the request, checked against the store. */
    static DataframeQuery query(Context ctx, ChunkStore store, String entity) {
        Map<String, TimelineInfo> timelines = store.timelines();
        String timeline = ctx.queryParam("timeline");
        if (timeline == null) {
            timeline = store.defaultTimeline().orElse(null);
        } else if (timeline.isEmpty()) {
            timeline = null;
        } else if (!timelines.containsKey(timeline)) {
            throw BadRequest.invalid("timeline", timeline, "one of " + timelines.keySet() + " or empty for static rows only");
        }
        DataframeQuery query = new DataframeQuery(timeline, entity);
        if (query.entityPrefix() != null
                && store.entityPaths().stream().noneMatch(e -> query.selects(EntityPath.parse(e)))) {
            throw BadRequest.notFound("no entity " + entity + " in the recording; entities: "
                    + String.join(", ", store.entityPaths()));
        }
        return query;
    }

    private static long longParam(Context ctx, String name, long absent, long min, long max, String expected) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        long parsed = Params.parseLong(name, value, expected);
        if (parsed < min || parsed > max) {
            throw BadRequest.invalid(name, value, expected);
        }
        return parsed;
    }

    /** A file name any browser and shell accepts: letters, digits, dot, dash and underscore. */
    static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "dataframe" : safe;
    }
}
