/**
 * The archetypes rerun4j logs and reads: {@link io.github.rerun4j.sdk.archetypes.DepthImage},
 * {@link io.github.rerun4j.sdk.archetypes.Pinhole}, {@link io.github.rerun4j.sdk.archetypes.Transform3D} and
 * {@link io.github.rerun4j.sdk.archetypes.ViewCoordinates}. Immutable records validated on construction; optional
 * fields are {@link org.jspecify.annotations.Nullable} and set with {@code withX(...)}.
 */
@NullMarked
package io.github.rerun4j.sdk.archetypes;

import org.jspecify.annotations.NullMarked;
