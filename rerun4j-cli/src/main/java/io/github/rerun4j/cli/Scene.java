package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.Latest;
import io.github.rerun4j.store.Recording;
import io.github.rerun4j.store.Recordings;
import io.github.rerun4j.store.TimelineInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A loaded recording and the resolved query point (timeline + time) for one entity: what the render,
 * points and hover commands share.
 *
 * @param store    the recording's chunks
 * @param entity   the entity asked for
 * @param timeline the timeline queried, or null for static data only
 * @param time     the time on {@code timeline}
 */
record Scene(ChunkStore store, String entity, String timeline, long time) {

    static Scene load(SceneOptions options) {
        ChunkStore store = loadRecording(options.file).store();
        if (store.components(options.entity).isEmpty()) {
            throw CliException.usage("no entity " + options.entity + " in " + options.file + "; entities: "
                    + String.join(", ", store.entityPaths()));
        }
        String timeline = resolveTimeline(store, options.timeline, options.file);
        if (timeline == null) {
            if (options.time != null) {
                throw CliException.usage("--time given, but " + options.file + " has only static data");
            }
            return new Scene(store, options.entity, null, 0);
        }
        TimelineInfo info = store.timelines().get(timeline);
        long time = options.time == null ? info.max() : parseTime(options.time, info.type(), timeline);
        return new Scene(store, options.entity, timeline, time);
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
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            try {
                if (type == TimeType.TIMESTAMP) {
                    Instant instant = Instant.parse(text.trim());
                    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
                }
                if (type == TimeType.DURATION) {
                    return Duration.parse(text.trim()).toNanos();
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                // fall through to the usage error
            }
            throw CliException.usage("--time " + text + ": expected " + switch (type) {
                case SEQUENCE -> "an integer";
                case TIMESTAMP -> "ns since the epoch or an ISO instant such as 2026-01-01T12:00:00Z";
                case DURATION -> "ns or an ISO duration such as PT1.5S";
            } + " for timeline " + timeline);
        }
    }

    /** The depth image visible at the query point, or a usage error saying what the entity holds instead. */
    Latest<DepthImage> depthImage() {
        return ArchetypeQueries.depthImageAt(store, entity, timeline, time).orElseThrow(() -> CliException.usage(
                "no depth image at " + entity + describeTime() + "; its components: " + store.components(entity)));
    }

    String describeTime() {
        return timeline == null ? " (static data)" : " at " + timeline + " = " + time;
    }
}
