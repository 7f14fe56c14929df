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
        Recordings recordings;
        try {
            recordings = Recordings.load(InputFile.requireReadable(options.file));
        } catch (IOException e) {
            throw CliException.badData("cannot read " + options.file + ": " + e.getMessage(), e);
        }
        Recording recording = recordings.firstRecording().orElseThrow(() -> CliException.badData(
                options.file + " holds no recording" + (recordings.problems().isEmpty() ? "" : ": " + recordings.problems().get(0)), null));
        ChunkStore store = recording.store();
        if (store.components(options.entity).isEmpty()) {
            throw CliException.usage("no entity " + options.entity + " in " + options.file + "; entities: "
                    + String.join(", ", store.entityPaths()));
        }
        Map<String, TimelineInfo> timelines = store.timelines();
        String timeline = options.timeline;
        if (timeline == null) {
            timeline = timelines.containsKey("log_tick") ? "log_tick" : timelines.keySet().stream().sorted().findFirst().orElse(null);
        } else if (!timelines.containsKey(timeline)) {
            throw CliException.usage("no timeline " + timeline + " in " + options.file + "; timelines: " + String.join(", ", timelines.keySet()));
        }
        if (timeline == null) {
            if (options.time != null) {
                throw CliException.usage("--time given, but " + options.file + " has only static data");
            }
            return new Scene(store, options.entity, null, 0);
        }
        TimelineInfo info = timelines.get(timeline);
        long time = options.time == null ? info.max() : parseTime(options.time, info.type(), timeline);
        return new Scene(store, options.entity, timeline, time);
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
