/**
 * Logging into {@code .rrd} files: {@link io.github.rerun4j.sdk.RecordingStream} (start one with
 * {@code RecordingStream.builder(applicationId)}) and {@link io.github.rerun4j.sdk.InvalidArgumentException},
 * which every factory throws for bad input.
 *
 * <p>The API packages are this one, {@code archetypes}, {@code types}, {@code sink}, {@code rrd} (reading) and
 * {@code chunk} (what is read). They are {@link org.jspecify.annotations.NullMarked}: a type is non-null unless it
 * is marked {@link org.jspecify.annotations.Nullable}. The other packages ({@code arrow}, {@code batch},
 * {@code codec}) are internal, with no compatibility or nullness promise.
 */
@NullMarked
package io.github.rerun4j.sdk;

import org.jspecify.annotations.NullMarked;
