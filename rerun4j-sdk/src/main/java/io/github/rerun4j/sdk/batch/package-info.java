/**
 * The batching knob of a {@link io.github.rerun4j.sdk.RecordingStream}: {@link io.github.rerun4j.sdk.batch.BatcherConfig}
 * (how many rows or bytes, or how long, before a chunk is written). The batcher itself is internal.
 */
@NullMarked
package io.github.rerun4j.sdk.batch;

import org.jspecify.annotations.NullMarked;
