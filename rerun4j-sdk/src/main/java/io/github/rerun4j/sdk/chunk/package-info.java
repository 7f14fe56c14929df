/**
 * The read model: a {@link io.github.rerun4j.sdk.chunk.Chunk} is rows of one entity, with one column per
 * timeline ({@link io.github.rerun4j.sdk.chunk.TimeColumn}) and per component
 * ({@link io.github.rerun4j.sdk.chunk.ComponentColumn}), each row identified by a
 * {@link io.github.rerun4j.sdk.chunk.Tuid}.
 */
@NullMarked
package io.github.rerun4j.sdk.chunk;

import org.jspecify.annotations.NullMarked;
