package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.image.HoverText;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.Latest;
import io.github.rerun4j.store.TimelineInfo;
import io.github.rerun4j.viewer.hub.RecordingHub;
import io.github.rerun4j.viewer.hub.ViewedRecording;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API the page uses (see docs/viewer-api.md): recordings, their entities and timelines, the scene at
 * a time, raw pixels and hover text. Handlers only parse, look up and arrange; semantics live in render.
 */
public final class ApiRoutes {

    private final RecordingHub hub;
    private final HeavyRequests heavy;
    private final DecodedImages decoded = new DecodedImages(DecodedImages.DEFAULT_MAX_BYTES);

    /**
     * @param maxHeavyRequests how many scene, image and CSV requests may run at once (more are 503)
     */
    public ApiRoutes(RecordingHub hub, int maxHeavyRequests) {
        this.hub = hub;
        this.heavy = new HeavyRequests(maxHeavyRequests);
    }

    /** Registers every route under {@code /api}. */
    public void register(RoutesConfig routes) {
        // A broken escape in any parameter is 400 before a handler reads the parameter as something else.
        routes.before("/api/*", ctx -> Params.checkEncoding(ctx.queryString()));
        routes.get("/api/recordings", ctx -> ctx.json(recordings()));
        routes.get("/api/recordings/{rec}", ctx -> ctx.json(summary(recording(ctx))));
        routes.get("/api/recordings/{rec}/scene", heavy.bounded(this::scene));
        routes.get("/api/recordings/{rec}/times", this::times);
        routes.get("/api/recordings/{rec}/image", heavy.bounded(this::image));
        routes.get("/api/recordings/{rec}/color", heavy.bounded(this::color));
        routes.get("/api/recordings/{rec}/rgb-cloud", heavy.bounded(this::rgbCloud));
        routes.get("/api/recordings/{rec}/hover", this::hover);
        // The dataframe view: a page as JSON, the whole table as CSV (DataframeRoutes).
        DataframeRoutes dataframe = new DataframeRoutes(hub);
        routes.get("/api/recordings/{rec}/dataframe", dataframe::page);
        routes.get("/api/recordings/{rec}/dataframe.csv", heavy.bounded(dataframe::csv));
        // A frame whose blob does not decode: the data is there but damaged (the page shows it on the entity).
        routes.exception(DecodedImages.DecodeFailure.class, (e, ctx) -> ctx.status(422)
                .json(Map.of("error", e.getMessage())));
        routes.exception(BadRequest.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        // At a limit (heavy requests here, event streams in EventStream): nothing was done, ask again later.
        routes.exception(Busy.class, (e, ctx) -> ctx.status(503)
                .header("Retry-After", Integer.toString(Busy.RETRY_AFTER_S))
                .header("Cache-Control", "no-store")
                .json(Map.of("error", e.getMessage())));
    }

    /** One line per recording ({@code source}: the file's name, or {@code live}). */
    public record RecordingJson(String id, String applicationId, String source, List<String> problems) {
    }

    /** A timeline and its range. */
    public record TimelineJson(String name, String type, long min, long max, long rowCount) {
    }

    /** An entity with data and its components ({@code Archetype:field}). */
    public record EntityJson(String path, List<String> archetypes, List<String> components) {
    }

    /**
     * A recording's contents. {@code defaultTimeline}: the timeline to open on (the store's rule,
     * {@code ChunkStore.defaultTimeline}), null for static-only data.
     */
    public record SummaryJson(String id, String applicationId, String source, List<TimelineJson> timelines,
                              String defaultTimeline, List<EntityJson> entities, List<String> problems) {
    }

    /**
     * The distinct times with data on one timeline, ascending, as decimal strings: nanosecond timestamps do
     * not fit the page's doubles exactly, and the page must query exactly the time where the data is.
     *
     * @param times those after the request's {@code after}, if given (a live page only fetches what is new)
     * @param total how many distinct times there are in all: tells the page whether its list plus these is whole
     */
    public record TimesJson(String timeline, String type, List<String> times, int total) {
    }

    /** The hover readout of one pixel, lines as the reference renders them, plus the 3D position if any. */
    public record HoverJson(String entity, int x, int y, List<String> lines, float[] world, Float depthMetres) {
    }

    private List<RecordingJson> recordings() {
        List<RecordingJson> out = new ArrayList<>();
        for (ViewedRecording r : hub.recordings()) {
            out.add(new RecordingJson(r.key(), r.id().applicationId(), shownSource(r), shownProblems(r)));
        }
        return out;
    }

    private static SummaryJson summary(ViewedRecording r) {
        ChunkStore store = r.store();
        List<TimelineJson> timelines = new ArrayList<>();
        for (Map.Entry<String, TimelineInfo> e : store.timelines().entrySet()) {
            TimelineInfo info = e.getValue();
            timelines.add(new TimelineJson(e.getKey(), info.type().name().toLowerCase(), info.min(), info.max(),
                    info.rowCount()));
        }
        List<EntityJson> entities = new ArrayList<>();
        for (String path : store.entityPaths()) {
            List<ComponentDescriptor> components = store.components(path);
            entities.add(new EntityJson(path,
                    components.stream().map(ComponentDescriptor::archetype).distinct().toList(),
                    components.stream().map(ComponentDescriptor::component).toList()));
        }
        return new SummaryJson(r.key(), r.id().applicationId(), shownSource(r), timelines,
                store.defaultTimeline().orElse(null), entities, shownProblems(r));
    }

    /** The problems as the page shows them: a message quoting the file's path names the file only. */
    static List<String> shownProblems(ViewedRecording r) {
        String shown = shownSource(r);
        return r.source().equals(shown) ? r.problems()
                : r.problems().stream().map(p -> p.replace(r.source(), shown)).toList();
    }

    /**
     * The source as the page shows it: the file's name, or {@code live}. The page only labels recordings with
     * it; where the file lies on disk is none of a web page's business.
     */
    static String shownSource(ViewedRecording r) {
        String source = r.source();
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf(java.io.File.separatorChar));
        return source.substring(slash + 1);
    }

    // Every handler parses all its parameters before it looks anything up, so a malformed request is 400
    // whatever it names, and only well-formed requests can be 404.

    private void scene(Context ctx) {
        At at = At.parse(ctx);
        ViewedRecording r = recording(ctx);
        ctx.json(at.query(r, decoded).scene("/api/recordings/" + URLEncoder.encode(r.key(), StandardCharsets.UTF_8)));
    }

    private void times(Context ctx) {
        String timeline = requiredParam(ctx, "timeline");
        String afterParam = ctx.queryParam("after");
        boolean onlyNew = afterParam != null && !afterParam.isEmpty();
        long after = onlyNew ? longParam("after", afterParam) : 0;
        ViewedRecording r = recording(ctx);
        TimelineInfo info = r.store().timelines().get(timeline);
        if (info == null) {
            throw BadRequest.invalid("timeline", timeline, "one of " + r.store().timelines().keySet());
        }
        List<Long> all = r.store().dataTimes(timeline);
        List<String> times = all.stream().filter(t -> !onlyNew || t > after).map(String::valueOf).toList();
        ctx.json(new TimesJson(timeline, info.type().name().toLowerCase(), times, all.size()));
    }

    /** The depth image a pixel route asks for: its entity at the time, and the row when the URL names one. */
    private record DepthRow(SceneQuery query, String entity, Latest<DepthImage> depth, String rowId, boolean pinned) {
    }

    private DepthRow depthRow(Context ctx) {
        String entityParam = requiredParam(ctx, "entity");
        At at = At.parse(ctx);
        String row = ctx.queryParam("row");
        ViewedRecording r = recording(ctx);
        SceneQuery query = at.query(r, decoded);
        String entity = entity(entityParam, r);
        Latest<DepthImage> latest = depthImage(query, entity);
        String rowId = latest.row().rowId().toString();
        if (row != null && !row.equals(rowId)) {
            // The URL names a row and may be cached by it: never answer it with another row's pixels.
            throw BadRequest.notFound("row " + row + " is not the depth image of " + entity + " at this time (that is " + rowId + ")");
        }
        return new DepthRow(query, entity, latest, rowId, row != null);
    }

    private void image(Context ctx) throws IOException {
        DepthRow request = depthRow(ctx);
        String entity = request.entity();
        String rowId = request.rowId();
        DepthImage image = request.depth().value();
        // A read-only view of the stored pixels: a frame is never copied per request (three requests for a
        // 20000x20000 frame used to copy 4.8 GB).
        ByteBuffer pixels = image.buffer().asByteBuffer();
        long expected = (long) image.width() * image.height() * image.datatype().bytesPerElement();
        if (pixels.remaining() != expected) {
            // The page would draw garbage (or throw) from a short buffer: half an image is no image.
            throw BadRequest.damaged("depth image on " + entity + " has " + pixels.remaining() + " bytes, expected "
                    + image.width() + "x" + image.height() + "x" + image.datatype().bytesPerElement() + " = " + expected);
        }
        ctx.header("X-Width", Integer.toString(image.width()))
                .header("X-Height", Integer.toString(image.height()))
                .header("X-Datatype", image.datatype().name())
                .header("X-Row", rowId)
                // Pixels of a row never change: the page may cache them by URL (which names the row).
                .header("Cache-Control", request.pinned() ? "private, max-age=3600" : "no-store")
                .contentType("application/octet-stream");
        ctx.res().setContentLengthLong(expected);
        // Straight to the servlet stream (no compressing wrapper, whose output would not match the length),
        // in 8 KiB steps, while this request holds its heavy-request slot.
        WritableByteChannel out = Channels.newChannel(ctx.res().getOutputStream());
        while (pixels.hasRemaining()) {
            out.write(pixels);
        }
        ctx.res().flushBuffer();
    }

    /** A DepthImage, or an EncodedDepthImage decoded (a blob that does not decode is 422 with why). */
    private static Latest<DepthImage> depthImage(SceneQuery query, String entity) {
        return query.depthImage(entity)
                .orElseThrow(() -> BadRequest.notFound("no depth image on " + entity + " at this time"));
    }

    private void color(Context ctx) throws IOException {
        String entityParam = requiredParam(ctx, "entity");
        At at = At.parse(ctx);
        String row = ctx.queryParam("row");
        ViewedRecording r = recording(ctx);
        SceneQuery query = at.query(r, decoded);
        String entity = entity(entityParam, r);
        Map.Entry<String, DecodedImages.Texels> latest = query.colourTexels(entity)
                .orElseThrow(() -> BadRequest.notFound("no colour image on " + entity + " at this time"));
        String rowId = latest.getKey();
        if (row != null && !row.equals(rowId)) {
            throw BadRequest.notFound("row " + row + " is not the colour image of " + entity + " at this time (that is " + rowId + ")");
        }
        DecodedImages.Texels texels = latest.getValue();
        sendRgba(ctx, texels.width(), texels.height(), texels.rgba(), rowId, row != null);
    }

    /**
     * An unregistered RGB cloud's colours in its depth image's pixel grid (RgbSources.unregistered), RGBA8 with
     * alpha 0 where the point keeps its colormap colour.
     */
    private void rgbCloud(Context ctx) throws IOException {
        DepthRow request = depthRow(ctx);
        SceneQuery query = request.query();
        String entity = request.entity();
        Latest<DepthImage> depth = request.depth();
        String rowId = request.rowId();
        PinholeCamera camera = query.camera(entity)
                .orElseThrow(() -> BadRequest.notFound(entity + " is under no pinhole at this time: it has no cloud"));
        DecodedImages.PixelColours colours = RgbSources.unregistered(query, entity, depth, camera, occlusion(ctx))
                .orElseThrow(() -> BadRequest.notFound(entity + " has no colour source under another pinhole at this time"));
        // The colour row is in the URL the page asks for, so a cached answer is never another colour frame's.
        sendRgba(ctx, colours.width(), colours.height(), colours.rgba(), rowId, request.pinned());
    }

    /** {@code occlusion=1}: an unregistered colour source with the occlusion test (absent or 0: without). */
    private static boolean occlusion(Context ctx) {
        String value = ctx.queryParam("occlusion");
        if (value == null || value.equals("0")) {
            return false;
        }
        if (value.equals("1")) {
            return true;
        }
        throw BadRequest.invalid("occlusion", value, "1 or 0");
    }

    private static void sendRgba(Context ctx, int width, int height, ByteBuffer cached, String rowId, boolean pinned)
            throws IOException {
        ByteBuffer rgba = cached.duplicate(); // the cached texels themselves, never copied per request
        ctx.header("X-Width", Integer.toString(width))
                .header("X-Height", Integer.toString(height))
                .header("X-Row", rowId)
                .header("Cache-Control", pinned ? "private, max-age=3600" : "no-store")
                .contentType("application/octet-stream");
        ctx.res().setContentLengthLong(rgba.remaining());
        WritableByteChannel out = Channels.newChannel(ctx.res().getOutputStream());
        while (rgba.hasRemaining()) {
            out.write(rgba);
        }
        ctx.res().flushBuffer();
    }

    private void hover(Context ctx) {
        String entityParam = requiredParam(ctx, "entity");
        int x = intParam(ctx, "x");
        int y = intParam(ctx, "y");
        At at = At.parse(ctx);
        ViewedRecording r = recording(ctx);
        SceneQuery query = at.query(r, decoded);
        String entity = entity(entityParam, r);
        Optional<Latest<DepthImage>> depthImage = query.depthImage(entity);
        if (depthImage.isEmpty()) {
            DecodedImages.Texels texels = query.colourTexels(entity).map(Map.Entry::getValue)
                    .orElseThrow(() -> BadRequest.notFound("no depth image on " + entity + " at this time, nor a colour image"));
            ctx.json(new HoverJson(entity, x, y, ColourHoverText.lines(texels, x, y), null, null));
            return;
        }
        Latest<DepthImage> latest = depthImage.get();
        DepthImage image = latest.value();
        HoverText text = HoverText.forPixel(image, x, y);
        float[] world = null;
        Float depth = null;
        List<String> lines = text.lines();
        if (!text.isOutside()) {
            depth = BackProjection.depthMetres(image, x, y);
            PinholeCamera camera = query.camera(entity).orElse(null);
            if (camera != null && BackProjection.isValidDepth(depth)) {
                // The very point the 3D view draws for this pixel (render's one back-projection).
                world = BackProjection.worldPoint(camera.pinhole(), camera.worldFromRdf(), x, y, depth);
                if ("1".equals(ctx.queryParam("rgb"))) {
                    // the page colours this cloud from a colour image: say which texel, as it draws it
                    Optional<String> colour = RgbSources.hoverLine(query, entity, latest, camera, x, y, occlusion(ctx));
                    if (colour.isPresent()) {
                        lines = new ArrayList<>(lines);
                        lines.add(colour.get());
                    }
                }
            }
        }
        ctx.json(new HoverJson(entity, x, y, lines, world, depth));
    }

    /**
     * The query point as asked: {@code timeline} (absent: static data only) and {@code time} (absent: the
     * latest), parsed before the recording is known.
     */
    private record At(String timeline, Long time) {

        static At parse(Context ctx) {
            String timeline = ctx.queryParam("timeline");
            String time = ctx.queryParam("time");
            if (timeline == null || timeline.isEmpty()) {
                if (time != null && !time.isEmpty()) {
                    throw BadRequest.invalid("time", time, "no time without a timeline (add timeline=NAME)");
                }
                return new At(null, null);
            }
            return new At(timeline, time == null || time.isEmpty() ? null : longParam("time", time));
        }

        SceneQuery query(ViewedRecording r, DecodedImages decoded) {
            if (timeline == null) {
                return new SceneQuery(r.store(), null, 0, decoded, r.key());
            }
            TimelineInfo info = r.store().timelines().get(timeline);
            if (info == null) {
                throw BadRequest.invalid("timeline", timeline, "one of " + r.store().timelines().keySet());
            }
            String stoppedBy = r.stoppedBy();
            if (stoppedBy != null && (time == null || time > info.max())) {
                // The file goes on past what was loaded: the latest data held is not the data at this time.
                throw BadRequest.notLoaded("no data for " + (time == null ? "the latest time" : "time " + time)
                        + " on timeline " + timeline + ": the recording stopped loading at " + timeline + " "
                        + info.max() + " (" + stoppedBy.replace(r.source(), shownSource(r)) + ")");
            }
            return new SceneQuery(r.store(), timeline, time == null ? info.max() : time, decoded, r.key());
        }
    }

    private ViewedRecording recording(Context ctx) {
        String key = ctx.pathParam("rec");
        ViewedRecording r = hub.get(key).orElseThrow(() -> BadRequest.notFound("no recording " + key));
        String changed = r.sourceChanged();
        if (changed != null) {
            // Its images are views of the file's pages, which now hold other bytes: nothing is served from them.
            throw BadRequest.sourceChanged(changed.replace(r.source(), shownSource(r)));
        }
        return r;
    }

    private static String requiredParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw BadRequest.missing(name);
        }
        return value;
    }

    private static String entity(String entity, ViewedRecording r) {
        if (r.store().components(entity).isEmpty()) {
            throw BadRequest.notFound("no entity " + entity + " in recording " + r.key());
        }
        return entity;
    }

    private static int intParam(Context ctx, String name) {
        return Params.parseInt(name, requiredParam(ctx, name), "a 32-bit integer (pixel column or row)");
    }

    private static long longParam(String name, String value) {
        return Params.parseLong(name, value, "a 64-bit integer (sequence number, or nanoseconds for time and duration timelines)");
    }
}
