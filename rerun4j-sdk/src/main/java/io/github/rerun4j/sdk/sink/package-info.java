/**
 * Where a {@link io.github.rerun4j.sdk.RecordingStream} sends its messages: the
 * {@link io.github.rerun4j.sdk.sink.Sink} interface, a crash-safe {@link io.github.rerun4j.sdk.sink.FileSink} and
 * an in-process {@link io.github.rerun4j.sdk.sink.MemorySink}.
 */
@NullMarked
package io.github.rerun4j.sdk.sink;

import org.jspecify.annotations.NullMarked;
