/**
 * Where a {@link io.github.rerun4j.sdk.RecordingStream} sends its messages: the
 * {@link io.github.rerun4j.sdk.sink.Sink} interface, a crash-safe {@link io.github.rerun4j.sdk.sink.FileSink},
 * {@link io.github.rerun4j.sdk.sink.StreamSink} (the {@code .rrd} stream on standard output or any stream:
 * {@code | rerun -}), {@link io.github.rerun4j.sdk.sink.TeeSink} (several sinks at once) and an in-process
 * {@link io.github.rerun4j.sdk.sink.MemorySink}.
 */
@NullMarked
package io.github.rerun4j.sdk.sink;

import org.jspecify.annotations.NullMarked;
