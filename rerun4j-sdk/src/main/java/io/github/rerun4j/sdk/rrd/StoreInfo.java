package io.github.rerun4j.sdk.rrd;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Announces a store: protobuf {@code StoreInfo}, carried by {@link RrdMessage.SetStoreInfo}.
 *
 * <pre>{@code
 * StoreInfo info = StoreInfo.of(StoreId.recording("my_app", "rec_1"));   // source rerun4j, version 0.33.0
 * }</pre>
 *
 * @param storeId          the store (with its application id)
 * @param source           where the data comes from; must be present on the wire (may be {@link StoreSource#UNKNOWN})
 * @param storeVersionBits {@code StoreVersion.crate_version_bits} (see {@link RerunVersion#bits()}),
 *                         or {@code null} when absent
 */
public record StoreInfo(StoreId storeId, StoreSource source, @Nullable Integer storeVersionBits) {

    /** Rejects null parts. */
    public StoreInfo {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(source, "source");
    }

    /** What rerun4j writes for a store: source {@link StoreSource#RERUN4J}, version {@link RerunVersion#V0_33_0}. */
    public static StoreInfo of(StoreId storeId) {
        return new StoreInfo(storeId, StoreSource.RERUN4J, RerunVersion.V0_33_0.bits());
    }

    @Override
    public String toString() {
        return "StoreInfo[storeId=" + storeId + ", source=" + source + ", storeVersion="
                + (storeVersionBits == null ? "absent" : RerunVersion.fromBits(storeVersionBits)) + "]";
    }
}
