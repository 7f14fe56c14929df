package io.github.rerun4j.sdk.rrd;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a store (a recording or a blueprint): protobuf {@code StoreId}.
 *
 * <p>The canonical constructor only rejects nulls, because the reader must represent whatever a file
 * holds. Writers should use {@link #recording(String, String)}, which enforces what every Rerun version
 * accepts.
 *
 * <pre>{@code
 * StoreId id = StoreId.recording("rerun_example_depth_image_3d", "0123456789abcdef0123456789abcdef");
 * }</pre>
 *
 * @param kind          recording or blueprint
 * @param recordingId   unique per run; same (application id, recording id) = same recording
 * @param applicationId groups recordings in the viewer (they share a blueprint)
 */
public record StoreId(StoreKind kind, String recordingId, String applicationId) {

    // Rerun 0.36 rewrites application ids with other characters (a '.' included); this set is safe everywhere.
    private static final Pattern SAFE_APPLICATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,180}");

    /** Rejects null parts. */
    public StoreId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(applicationId, "applicationId");
    }

    /**
     * A recording id a writer can use with any Rerun version from 0.33 on.
     *
     * @throws IllegalArgumentException if the application id is empty, longer than 180 bytes or has characters
     *                                  other than {@code [A-Za-z0-9_-]}, or the recording id is empty
     */
    public static StoreId recording(String applicationId, String recordingId) {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(recordingId, "recordingId");
        if (!SAFE_APPLICATION_ID.matcher(applicationId).matches()) {
            throw new IllegalArgumentException("application id must be 1..180 characters of [A-Za-z0-9_-] "
                    + "(Rerun 0.36 rejects empty ids and rewrites others), got '" + applicationId + "'");
        }
        if (recordingId.isEmpty()) {
            throw new IllegalArgumentException("recording id must not be empty");
        }
        return new StoreId(StoreKind.RECORDING, recordingId, applicationId);
    }
}
