package io.github.rerun4j.spark.internal;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What the driver learnt about one file when it inferred the schema, handed to the executor that reads it: the
 * file's recordings and the timeline each one's table is on (resolved on the whole file, so a reader that leaves
 * chunks undecoded still uses the table the store's rule picks).
 *
 * @param path       the absolute path
 * @param bytes      the file's size
 * @param recordings its recordings, in order of first appearance
 * @param splits     the file's splits, in order: consecutive ranges of chunk payload offsets that cover every offset
 */
public record FilePlan(String path, long bytes, List<RecordingPlan> recordings, List<Split> splits) implements Serializable {

    public FilePlan {
        Objects.requireNonNull(path, "path");
        recordings = List.copyOf(recordings);
        splits = List.copyOf(splits);
        if (splits.isEmpty() || splits.get(0).start() != 0 || splits.get(splits.size() - 1).end() != Long.MAX_VALUE) {
            throw new IllegalArgumentException("FilePlan.splits of " + path + ": got " + splits
                    + ", expected ranges from 0 to Long.MAX_VALUE");
        }
    }

    /**
     * The chunks one split decodes: those whose payload starts in {@code [start, end)}. Every split reads the file's
     * framing (mapped: the payloads it does not own are not touched when stored uncompressed); the first one also
     * reports the file's damage, the others only the chunks of their own range that do not decode.
     *
     * @param start first payload offset of the range
     * @param end   first payload offset after it
     */
    public record Split(long start, long end) implements Serializable {
        /** The whole file. */
        public static final Split WHOLE = new Split(0, Long.MAX_VALUE);

        public Split {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("Split: [" + start + ", " + end + "), expected 0 <= start < end");
            }
        }

        /** True if the chunk whose payload starts at {@code payloadOffset} is this split's. */
        public boolean owns(long payloadOffset) {
            return payloadOffset >= start && payloadOffset < end;
        }

        /** True for the split that reports the file's damage. */
        public boolean first() {
            return start == 0;
        }
    }

    /** The plan of the recording with {@code recordingId}, or null. */
    public RecordingPlan recording(String recordingId) {
        return recordings.stream().filter(r -> r.recordingId().equals(recordingId)).findFirst().orElse(null);
    }

    /**
     * One recording of a file.
     *
     * @param recordingId   its recording id
     * @param applicationId its application id
     * @param timeline      the timeline of its table, or null for a table of static rows only
     */
    public record RecordingPlan(String recordingId, String applicationId, String timeline) implements Serializable {
        public RecordingPlan {
            Objects.requireNonNull(recordingId, "recordingId");
            Objects.requireNonNull(applicationId, "applicationId");
        }
    }
}
