/**
 * The value types and wire enums the archetypes are made of: image buffers and formats, colormaps, vectors,
 * matrices, rotations, entity paths. Immutable; factories throw
 * {@link io.github.rerun4j.sdk.InvalidArgumentException} for bad input.
 */
@NullMarked
package io.github.rerun4j.sdk.types;

import org.jspecify.annotations.NullMarked;
