/**
 * Readers for the files depth cameras and data sets produce, turning them into the SDK's archetypes:
 * {@link io.github.rerun4j.io.depth} (depth images and units), {@link io.github.rerun4j.io.camera} (camera
 * models) and {@link io.github.rerun4j.io.tum} (TUM RGB-D folders). Every refusal is a
 * {@link io.github.rerun4j.io.FileFormatException} naming the file, the place in it and what was expected.
 */
@NullMarked
package io.github.rerun4j.io;

import org.jspecify.annotations.NullMarked;
