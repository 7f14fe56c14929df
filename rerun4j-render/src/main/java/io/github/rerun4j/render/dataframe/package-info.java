/**
 * Rerun's dataframe view as text: one row per logged row (entity, time), one column per component, cells
 * formatted as the viewer shows them. Built on {@link io.github.rerun4j.store.ChunkStore#dataframe}; no I/O
 * (the CSV and JSON writers are in {@code render.export}).
 *
 * <pre>{@code
 * DataframeTable t = DataframeTable.query(store, DataframeQuery.onTimeline("log_tick"), 0, 100);
 * DataframeCsv.write(t, out);
 * }</pre>
 */
package io.github.rerun4j.render.dataframe;
