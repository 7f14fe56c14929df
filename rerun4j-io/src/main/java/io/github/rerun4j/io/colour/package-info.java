/** Colour frames (PNG, JPEG) as encoded or decoded images: {@link io.github.rerun4j.io.colour.ColourReader}. */
@NullMarked
package io.github.rerun4j.io.colour;

import org.jspecify.annotations.NullMarked;
