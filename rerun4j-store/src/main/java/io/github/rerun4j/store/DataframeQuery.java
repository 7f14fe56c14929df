package io.github.rerun4j.store;

import io.github.rerun4j.sdk.types.EntityPath;

/**
 * Which rows a dataframe holds: the rows on one timeline (plus static rows), optionally only those of one
 * entity subtree.
 *
 * <p>The entity filter is a path prefix matching whole parts: {@code /world} selects {@code /world},
 * {@code /world/camera} and {@code /world/camera/depth}, but not {@code /world-x}. It is kept in canonical form
 * ({@code "world/camera"} becomes {@code "/world/camera"}); {@code /} selects everything, like null.
 *
 * <pre>{@code
 * DataframeQuery all = DataframeQuery.onTimeline("log_tick");
 * DataframeQuery camera = DataframeQuery.onTimeline("log_tick").withEntity("world/camera");
 * DataframeQuery statics = DataframeQuery.staticOnly();
 * }</pre>
 *
 * @param timeline     the timeline whose times the rows carry; null for a table of static rows only
 * @param entityPrefix the entity subtree to show (canonical form), or null for every entity
 */
public record DataframeQuery(String timeline, String entityPrefix) {

    public DataframeQuery {
        if (timeline != null && timeline.isEmpty()) {
            throw new IllegalArgumentException("DataframeQuery.timeline: got \"\", expected a timeline name or null");
        }
        if (entityPrefix != null) {
            EntityPath parsed = EntityPath.parse(entityPrefix);
            entityPrefix = parsed.parts().isEmpty() ? null : parsed.toString();
        }
    }

    /** Every entity's rows on {@code timeline}, and every static row. */
    public static DataframeQuery onTimeline(String timeline) {
        return new DataframeQuery(java.util.Objects.requireNonNull(timeline, "DataframeQuery.timeline"), null);
    }

    /** Static rows only (rows of chunks without timelines). */
    public static DataframeQuery staticOnly() {
        return new DataframeQuery(null, null);
    }

    /** A copy showing only {@code entityPrefix} and its descendants (null: every entity). */
    public DataframeQuery withEntity(String entityPrefix) {
        return new DataframeQuery(timeline, entityPrefix);
    }

    /** True if {@code entity} is selected by the entity filter. */
    public boolean selects(EntityPath entity) {
        return entityPrefix == null || entity.startsWith(EntityPath.parse(entityPrefix));
    }
}
