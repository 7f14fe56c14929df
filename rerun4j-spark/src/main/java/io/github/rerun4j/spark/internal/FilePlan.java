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
 */
public record FilePlan(String path, long bytes, List<RecordingPlan> recordings) implements Serializable {

    public FilePlan {
        Objects.requireNonNull(path, "path");
        recordings = List.copyOf(recordings);
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
