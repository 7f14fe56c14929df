package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * One store of an {@code .rrd} file (a recording or a blueprint) with its indexed chunks.
 *
 * <pre>{@code
 * Recording rec = Recordings.load(path).firstRecording().orElseThrow();
 * rec.id().applicationId();
 * rec.store().entityPaths();
 * }</pre>
 *
 * @param id    the store's id
 * @param info  the store's SetStoreInfo, or null if the file has chunks of it but no store info
 * @param store its chunks
 */
public record Recording(StoreId id, StoreInfo info, ChunkStore store) {

    public Recording {
        Objects.requireNonNull(id, "Recording.id");
        Objects.requireNonNull(store, "Recording.store");
    }

    /** The store info, if the file had one. */
    public Optional<StoreInfo> storeInfo() {
        return Optional.ofNullable(info);
    }
}
