/**
 * An in-memory index over the chunks of a recording, with Rerun's query semantics.
 *
 * <ul>
 *   <li>{@link io.github.rerun4j.store.ChunkStore}: chunks indexed by entity, component and timeline;
 *       latest-at and range queries, timelines, the entity tree.</li>
 *   <li>{@link io.github.rerun4j.store.Recordings}: every store of an {@code .rrd} file, one ChunkStore each.</li>
 *   <li>{@link io.github.rerun4j.store.ChunkStore#dataframe}: the dataframe (one row per logged row, a column
 *       per component) as {@link io.github.rerun4j.store.DataframePage}s of a {@link io.github.rerun4j.store.DataframeQuery}.</li>
 *   <li>{@link io.github.rerun4j.store.ArchetypeQueries}: DepthImage, Pinhole, Transform3D and
 *       ViewCoordinates as visible at one time, optional components joined as Rerun's viewer does.</li>
 * </ul>
 *
 * <pre>{@code
 * ChunkStore store = ChunkStore.load(Path.of("depth.rrd"));
 * long last = store.latestTime("frame").orElse(0);
 * DepthImage depth = ArchetypeQueries.depthImageAt(store, "/world/camera/depth", "frame", last)
 *         .orElseThrow().value();
 * }</pre>
 */
package io.github.rerun4j.store;
