package io.github.rerun4j.cli;

import io.github.rerun4j.render.dataframe.TimeFormat;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.render.image.EncodedDepth;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.DepthImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.EncodedDepthImageFields;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.Latest;
import io.github.rerun4j.store.Recording;
import io.github.rerun4j.store.Recordings;
import io.github.rerun4j.store.RowRef;
import io.github.rerun4j.store.TimelineInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded recording and the resolved query point (timeline + time) for one entity: what the render,
 * points and hover commands share.
 *
 * <p>A damaged file gives what could be read before the damage. Whatever is then not found (the entity, a
 * depth image) is reported as the damage's consequence (exit 1, naming the problem) rather than as a wrong
 * argument, and a command that succeeds on such a file says so on stderr and exits 1, as dataframe does.
 *
 * @param store    the recording's chunks
 * @param entity   the depth image's entity: as given with {@code --entity}, or the file's only depth image
 * @param timeline the timeline queried, or null for static data only
 * @param time     the time on {@code timeline}
 * @param file     the file read
 * @param problems the damage found in {@code file}, one line each; empty for a sound file
 */
record Scene(ChunkStore store, String entity, String timeline, long time, Path file, List<String> problems) {

    Scene {
        problems = List.copyOf(problems);
    }

    static Scene load(SceneOptions options) {
        Recordings recordings = loadRecordings(options.file);
        ChunkStore store = firstRecording(recordings, options.file).store();
        // A scene without a query point yet, to report what is missing with the file's damage in mind.
        Scene partial = new Scene(store, options.entity, null, 0, options.file, recordings.problems());
        String entity = partial.resolveEntity(options.entity);
        String timeline;
        try {
            timeline = resolveTimeline(store, options.timeline, options.file);
        } catch (CliException e) {
            throw partial.missing(e.getMessage());
        }
        if (timeline == null) {
            if (options.time != null) {
                throw partial.missing("--time given, but " + options.file + " has only static data");
            }
            return new Scene(store, entity, null, 0, options.file, recordings.problems());
        }
        TimelineInfo info = store.timelines().get(timeline);
        long time = options.time == null ? info.max() : parseTime(options.time, info.type(), timeline);
        return new Scene(store, entity, timeline, time, options.file, recordings.problems());
    }

    /**
     * {@code requested} if the store has that entity; without {@code --entity}, the file's only depth image,
     * or an error listing them when there are several (or saying there is none).
     */
    private String resolveEntity(String requested) {
        if (requested != null) {
            if (store.components(requested).isEmpty()) {
                throw missing("no entity " + requested + " in " + file + "; entities: " + String.join(", ", store.entityPaths()));
            }
            return requested;
        }
        String buffer = DepthImageFields.BUFFER.component();
        String blob = EncodedDepthImageFields.BLOB.component();
        List<String> depthImages = store.entityPaths().stream()
                .filter(e -> store.components(e).stream().anyMatch(c -> c.component().equals(buffer)
                        || c.component().equals(blob)))
                .toList();
        if (depthImages.size() == 1) {
            return depthImages.get(0);
        }
        if (depthImages.isEmpty()) {
            throw missing(file + " has no depth image; entities: "
                    + (store.entityPaths().isEmpty() ? "(none)" : String.join(", ", store.entityPaths())));
        }
        throw CliException.usage(file + " has " + depthImages.size() + " depth images; choose one with --entity: "
                + String.join(", ", depthImages));
    }

    /**
     * Something the command line asks for is not in the file: a usage error for a sound file; for a damaged
     * one, bad data naming the damage, which is the likelier reason.
     */
    CliException missing(String message) {
        return missing(file, problems, message);
    }

    /** As {@link #missing(String)}, for any command that read {@code file} with {@code problems}. */
    static CliException missing(Path file, List<String> problems, String message) {
        if (problems.isEmpty()) {
            return CliException.usage(message);
        }
        return CliException.badData(file + " is damaged (" + problems.get(0)
                + (problems.size() > 1 ? "; and " + (problems.size() - 1) + " more problems" : "")
                + "), and in what could be read before the damage: " + message, null);
    }

    /**
     * After a command's output: for a damaged file, the problems on stderr (the output shows what could be read
     * before the damage) and {@link ExitCode#BAD_DATA}; else {@link ExitCode#OK}.
     */
    int finish(PrintWriter err) {
        if (problems.isEmpty()) {
            return ExitCode.OK;
        }
        err.println("rerun4j: " + file + " is damaged; this shows what could be read before the damage:");
        problems.forEach(p -> err.println("  " + p));
        return ExitCode.BAD_DATA;
    }

    /**
     * The first recording of {@code file}: a usage error (2) if the file is missing or unreadable, bad data (1)
     * if it cannot be read or holds no recording. Damage after some readable messages is left to the caller
     * ({@link Recordings#problems()}).
     */
    static Recordings loadRecordings(Path file) {
        try {
            return Recordings.load(InputFile.requireReadable(file));
        } catch (IOException e) {
            throw CliException.badData("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #loadRecordings}, returning the first recording. */
    static Recording loadRecording(Path file) {
        return firstRecording(loadRecordings(file), file);
    }

    static Recording firstRecording(Recordings recordings, Path file) {
        return recordings.firstRecording().orElseThrow(() -> CliException.badData(
                file + " holds no recording" + (recordings.problems().isEmpty() ? "" : ": " + recordings.problems().get(0)), null));
    }

    /**
     * The timeline to query: {@code requested} if the store has it (else a usage error listing the timelines),
     * or by default {@link ChunkStore#defaultTimeline()}; null when the store has only static data.
     */
    static String resolveTimeline(ChunkStore store, String requested, Path file) {
        Map<String, TimelineInfo> timelines = store.timelines();
        if (requested == null) {
            return store.defaultTimeline().orElse(null);
        }
        if (!timelines.containsKey(requested)) {
            throw CliException.usage("no timeline " + requested + " in " + file + "; timelines: "
                    + (timelines.isEmpty() ? "(none, only static data)" : String.join(", ", timelines.keySet())));
        }
        return requested;
    }

    static long parseTime(String text, TimeType type, String timeline) {
        return TimeArgument.parse("--time", text).on(timeline, type);
    }

    /**
     * The depth image visible at the query point; else why not: bad data when one was logged but cannot be
     * read, "at or before T (first: F)" for a time before the entity's first image, else a usage error saying
     * what the entity holds instead.
     */
    Latest<DepthImage> depthImage() {
        Optional<Latest<DepthImage>> image = ArchetypeQueries.depthImageAt(store, entity, timeline, time);
        if (image.isPresent()) {
            return image.get();
        }
        Optional<Latest<EncodedDepthImage>> encoded = ArchetypeQueries.encodedDepthImageAt(store, entity, timeline, time);
        if (encoded.isPresent()) {
            try {
                return new Latest<>(EncodedDepth.asDepthImage(encoded.get().value()), encoded.get().row());
            } catch (InvalidArgumentException e) {
                throw CliException.badData("the encoded depth image of " + entity + describeTime() + " cannot be decoded: "
                        + e.getMessage(), e);
            }
        }
        String buffer = DepthImageFields.BUFFER.component();
        Optional<RowRef> logged = store.latestAt(entity, buffer, timeline, time);
        if (logged.isPresent() && logged.get().chunk().component(buffer).map(c -> c.count(logged.get().row()) > 0).orElse(false)) {
            throw CliException.badData("the depth image of " + entity + describeTime() + " cannot be read: its "
                    + "buffer, format and datatype do not fit together (see rerun4j print --verbose " + file + ")", null);
        }
        if (timeline != null) {
            List<RowRef> all = store.range(entity, buffer, timeline, Long.MIN_VALUE, Long.MAX_VALUE);
            if (!all.isEmpty() && all.get(0).time().isPresent() && all.get(0).time().getAsLong() > time) {
                TimeType type = store.timelines().get(timeline).type();
                throw missing("no depth image of " + entity + " at or before " + timeline + " "
                        + TimeFormat.format(type, time) + " (first: " + TimeFormat.format(type, all.get(0).time().getAsLong()) + ")");
            }
        }
        throw missing("no depth image at " + entity + describeTime() + "; its components: " + store.components(entity));
    }

    /** The colour Image of the scene's entity at the query point, if it holds one (and no depth image). */
    Optional<Latest<io.github.rerun4j.sdk.archetypes.Image>> colourImage() {
        if (ArchetypeQueries.depthImageAt(store, entity, timeline, time).isPresent()) {
            return Optional.empty();
        }
        return ArchetypeQueries.imageAt(store, entity, timeline, time);
    }

    /** True when the scene's entity holds encoded depth (drawn with the encoded archetype's 2D filtering). */
    boolean isEncodedDepth() {
        return ArchetypeQueries.depthImageAt(store, entity, timeline, time).isEmpty()
                && ArchetypeQueries.encodedDepthImageAt(store, entity, timeline, time).isPresent();
    }

    String describeTime() {
        return timeline == null ? " (static data)" : " at " + timeline + " = " + time;
    }
}
