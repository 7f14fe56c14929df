package io.github.rerun4j.sdk;

import io.github.rerun4j.sdk.archetypes.Archetype;
import io.github.rerun4j.sdk.internal.batch.Batcher;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.internal.batch.PendingRow;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.ComponentValue;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.sink.FileSink;
import io.github.rerun4j.sdk.sink.Sink;
import io.github.rerun4j.sdk.sink.TeeSink;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.sdk.types.ErrorText;
import io.github.rerun4j.sdk.types.TimeNanos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A recording: log archetypes on entity paths at points in time, as Rerun's {@code RecordingStream}.
 * Thread-safe; time set with {@code setTime...} is per thread, as in the official SDKs. Every non-static
 * log call also gets {@code log_tick} (a per-recording counter from 0) and {@code log_time} (wall clock),
 * unless the builder turned them off.
 *
 * <pre>{@code
 * try (RecordingStream rec = RecordingStream.builder("rerun_example_depth_image_3d").saveTo(Path.of("d.rrd"))) {
 *     rec.log("world/camera", Pinhole.fromFocalLengthAndResolution(200, 300, 200));
 *     rec.setTimeSequence("frame", 0);
 *     rec.log("world/camera/depth", DepthImage.fromU16(pixels, 300, 200).withMeter(10000));
 * }
 * }</pre>
 *
 * <p>Bad input throws {@link InvalidArgumentException} before anything is queued; the stream stays usable. That
 * includes a row with more data than one {@code .rrd} message can carry
 * ({@link io.github.rerun4j.sdk.rrd.RrdEncoder#MAX_CHUNK_DATA_BYTES}, about 2.1 GB).
 *
 * <p><b>A failing sink</b> surfaces as {@link UncheckedIOException}, and no row whose {@code log} returned is
 * dropped silently: the rows of a failed write stay queued and are sent again by the next write; {@code log}
 * throws only when its own row was not logged (so retrying it does not duplicate it); {@link #flush()} throws
 * unless everything logged before it is written; {@link #close()} throws, with the count, if rows could not be
 * written. Logging faster than the sink writes blocks the logging call that brings the pending rows to
 * {@link BatcherConfig#flushBytes()} until the sink has taken them (back-pressure; memory stays bounded).
 *
 * <p><b>Threads.</b> Closing while other threads log is safe: their later calls throw
 * {@link IllegalStateException}; every call that returned before is written. A thread's interrupt flag does not
 * stop a {@link FileSink} write and is left set. An orderly JVM exit (Ctrl-C, SIGTERM, {@code System.exit})
 * writes what a stream that was never closed still holds (see {@link Builder#flushOnExit(boolean)}).
 */
public final class RecordingStream implements AutoCloseable {

    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,180}");

    private final StoreId storeId;
    private final Batcher batcher;
    private final boolean defaultTimelines;
    private final AtomicLong tick = new AtomicLong();
    private final ThreadLocal<Map<String, TimeValue>> threadTime = ThreadLocal.withInitial(LinkedHashMap::new);

    private record TimeValue(TimeType type, long value) {
    }

    private RecordingStream(StoreId storeId, Sink sink, BatcherConfig batching, boolean defaultTimelines, boolean flushOnExit) {
        this.storeId = storeId;
        this.defaultTimelines = defaultTimelines;
        try {
            sink.send(new LogMessage.StoreInfoMessage(StoreInfo.of(storeId)));
        } catch (IOException | RuntimeException e) {
            // The stream owns the sink from the builder call on: nobody else would ever close it.
            try {
                sink.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("starting recording " + storeId.recordingId() + ": " + ErrorText.describe(io), io);
            }
            throw (RuntimeException) e;
        }
        this.batcher = new Batcher(batching, storeId, sink);
        if (flushOnExit) {
            ExitFlush.register(batcher, storeId.recordingId());
        }
    }

    /** Starts a stream for {@code applicationId} ({@code [A-Za-z0-9_-]}, as Rerun 0.36 requires). */
    public static Builder builder(String applicationId) {
        return new Builder(applicationId);
    }

    /** The recording's identity as written to the sink: kind, application id and recording id. */
    public StoreId storeId() {
        return storeId;
    }

    /** The application id given to {@link #builder}, e.g. {@code "my_robot"}. */
    public String applicationId() {
        return storeId.applicationId();
    }

    /** The recording id: the one given to the builder, else a random UUID chosen at start. */
    public String recordingId() {
        return storeId.recordingId();
    }

    // ---- logging ----

    /** Logs {@code archetype} at {@code entityPath} at this thread's current time. */
    public void log(String entityPath, Archetype archetype) {
        log(parsePath(entityPath), archetype, false);
    }

    /** As {@link #log(String, Archetype)}, with a path already parsed. */
    public void log(EntityPath entityPath, Archetype archetype) {
        log(entityPath, archetype, false);
    }

    /** Logs {@code archetype} as static data: valid at every time, shadowing temporal data of the same components. */
    public void logStatic(String entityPath, Archetype archetype) {
        log(parsePath(entityPath), archetype, true);
    }

    /** As {@link #logStatic(String, Archetype)}, with a path already parsed. */
    public void logStatic(EntityPath entityPath, Archetype archetype) {
        log(entityPath, archetype, true);
    }

    private void log(EntityPath entityPath, Archetype archetype, boolean isStatic) {
        if (entityPath == null) {
            throw new InvalidArgumentException("entityPath", "null", "an entity path such as \"world/camera\"");
        }
        if (archetype == null) {
            throw new InvalidArgumentException("archetype", "null", "an archetype such as a DepthImage");
        }
        List<ComponentValue<?>> values = ArchetypeCodec.encode(archetype);
        Map<Timeline, Long> times = isStatic ? Map.of() : timePointNow();
        try {
            batcher.add(new PendingRow(entityPath.toString(), Tuid.next(), times, values));
        } catch (IOException e) {
            throw new UncheckedIOException("logging " + archetype.archetypeName() + " at " + entityPath + ": " + reason(e), e);
        }
    }

    private Map<Timeline, Long> timePointNow() {
        Map<Timeline, Long> point = new HashMap<>();
        threadTime.get().forEach((name, t) -> point.put(new Timeline(name, t.type()), t.value()));
        if (defaultTimelines) {
            point.putIfAbsent(Timeline.LOG_TIME, TimeNanos.ofInstant("log_time", Instant.now()));
            point.putIfAbsent(Timeline.LOG_TICK, tick.getAndIncrement());
        }
        return point;
    }

    // ---- time (per thread) ----

    /** Sets this thread's time on sequence timeline {@code timeline} (frame numbers, ticks). */
    public void setTimeSequence(String timeline, long value) {
        setTime(timeline, TimeType.SEQUENCE, value);
    }

    /** Sets this thread's time on timestamp timeline {@code timeline}, in ns since the Unix epoch. */
    public void setTimestampNanos(String timeline, long nanosSinceEpoch) {
        setTime(timeline, TimeType.TIMESTAMP, nanosSinceEpoch);
    }

    /**
     * Sets this thread's time on timestamp timeline {@code timeline}.
     *
     * @throws InvalidArgumentException for null, or an instant outside {@link TimeNanos#MIN_INSTANT} (1677) ..
     *                                  {@link TimeNanos#MAX_INSTANT} (2262), what 64-bit nanoseconds hold
     */
    public void setTimestamp(String timeline, Instant instant) {
        setTimestampNanos(timeline, TimeNanos.ofInstant("time of " + timeline, instant));
    }

    /** Sets this thread's time on duration timeline {@code timeline}, in ns (e.g. since the start of a run). */
    public void setDurationNanos(String timeline, long nanos) {
        setTime(timeline, TimeType.DURATION, nanos);
    }

    /**
     * Sets this thread's time on duration timeline {@code timeline}.
     *
     * @throws InvalidArgumentException for null, or a duration beyond about ±292 years (64-bit nanoseconds)
     */
    public void setDuration(String timeline, Duration duration) {
        setDurationNanos(timeline, TimeNanos.ofDuration("time of " + timeline, duration));
    }

    /** Removes {@code timeline} from this thread's time; later log calls are not placed on it. */
    public void disableTimeline(String timeline) {
        threadTime.get().remove(checkTimelineName(timeline));
    }

    /** Clears every timeline of this thread (log_tick and log_time still apply). */
    public void resetTime() {
        threadTime.get().clear();
    }

    private void setTime(String timeline, TimeType type, long value) {
        checkTimelineName(timeline);
        if (value == Long.MIN_VALUE) {
            throw new InvalidArgumentException("time of " + timeline, String.valueOf(value), "a value > Long.MIN_VALUE (reserved for static data by Rerun)");
        }
        if (defaultTimelines && (timeline.equals(Timeline.LOG_TICK.name()) && type != TimeType.SEQUENCE
                || timeline.equals(Timeline.LOG_TIME.name()) && type != TimeType.TIMESTAMP)) {
            throw new InvalidArgumentException("timeline", timeline, "the default timeline's own type");
        }
        threadTime.get().put(timeline, new TimeValue(type, value));
    }

    private static String checkTimelineName(String timeline) {
        if (timeline == null || timeline.isBlank()) {
            throw new InvalidArgumentException("timeline", String.valueOf(timeline), "a non-empty timeline name");
        }
        return timeline;
    }

    private static EntityPath parsePath(String entityPath) {
        if (entityPath == null) {
            throw new InvalidArgumentException("entityPath", "null", "an entity path such as \"world/camera\"");
        }
        return EntityPath.parse(entityPath);
    }

    // ---- lifecycle ----

    /** Writes everything logged so far to the sink and flushes it. */
    public void flush() {
        try {
            batcher.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing recording " + recordingId() + ": " + reason(e), e);
        }
    }

    /** Flushes and closes the sink; logging afterwards throws {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        try {
            batcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing recording " + recordingId() + ": " + reason(e), e);
        } finally {
            ExitFlush.deregister(batcher);
        }
    }

    /** The batcher's messages name the sink's failure and its class; a bare exception from a sink gets its class. */
    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : ErrorText.describe(e);
    }

    @Override
    public String toString() {
        return "RecordingStream[" + storeId.applicationId() + ", " + storeId.recordingId() + "]";
    }

    /** Configures a {@link RecordingStream}. */
    public static final class Builder {
        private final String applicationId;
        private String recordingId = UUID.randomUUID().toString().replace("-", "");
        private BatcherConfig batching = BatcherConfig.DEFAULT;
        private boolean defaultTimelines = true;
        private boolean flushOnExit = true;

        private Builder(String applicationId) {
            if (applicationId == null || !APPLICATION_ID.matcher(applicationId).matches()) {
                throw new InvalidArgumentException("applicationId", String.valueOf(applicationId),
                        "1 to 180 characters of A-Z, a-z, 0-9, '_' or '-' (what Rerun 0.36 accepts unchanged)");
            }
            this.applicationId = applicationId;
        }

        /** Recordings with the same application and recording id merge in the viewer. Default: random. */
        public Builder recordingId(String id) {
            if (id == null || id.isEmpty()) {
                throw new InvalidArgumentException("recordingId", String.valueOf(id), "a non-empty string");
            }
            this.recordingId = id;
            return this;
        }

        public Builder batching(BatcherConfig config) {
            if (config == null) {
                throw new InvalidArgumentException("batching", "null", "a BatcherConfig");
            }
            this.batching = config;
            return this;
        }

        /** Whether log calls get {@code log_tick} and {@code log_time} (default true). */
        public Builder defaultTimelines(boolean enabled) {
            this.defaultTimelines = enabled;
            return this;
        }

        /**
         * Whether an orderly JVM exit (end of {@code main}, {@code System.exit}, Ctrl-C, SIGTERM) writes the rows
         * still pending and closes the sink, if the stream was not closed before (default true: one shutdown hook
         * per JVM; a closed stream is no longer referenced by it). Turn it off to manage shutdown yourself.
         */
        public Builder flushOnExit(boolean enabled) {
            this.flushOnExit = enabled;
            return this;
        }

        /** Builds a stream that sends to {@code sink}; the stream owns it and closes it (also when building fails). */
        public RecordingStream sink(Sink sink) {
            if (sink == null) {
                throw new InvalidArgumentException("sink", "null", "a Sink");
            }
            return new RecordingStream(StoreId.recording(applicationId, recordingId), sink, batching, defaultTimelines,
                    flushOnExit);
        }

        /**
         * Builds a stream that sends every message to each of {@code sinks} (a file and a live viewer at once):
         * a {@link TeeSink}, where a failing sink keeps its missed messages for a later retry and does not stop
         * the others. The stream owns the sinks and closes them.
         */
        public RecordingStream sinks(Sink... sinks) {
            if (sinks == null || sinks.length == 0) {
                throw new InvalidArgumentException("sinks", sinks == null ? "null" : "none", "one or more Sinks");
            }
            for (int i = 0; i < sinks.length; i++) {
                if (sinks[i] == null) {
                    throw new InvalidArgumentException("sinks[" + i + "]", "null", "a Sink");
                }
            }
            return sink(sinks.length == 1 ? sinks[0] : TeeSink.of(sinks));
        }

        /** Builds a stream that writes an uncompressed {@code .rrd} file at {@code path}. */
        public RecordingStream saveTo(Path path) {
            return saveTo(path, false);
        }

        /** Builds a stream that writes an {@code .rrd} file, each message LZ4-compressed when {@code lz4}. */
        public RecordingStream saveTo(Path path, boolean lz4) {
            if (path == null) {
                throw new InvalidArgumentException("path", "null", "a file path ending in .rrd");
            }
            try {
                return sink(FileSink.create(path, lz4, false));
            } catch (IOException e) {
                // FileSink's messages name the path, the reason and the exception's class already.
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }
}
