/**
 * CPU reference of how the Rerun 0.33 viewer shows a {@code DepthImage} in a 2D view
 * ({@code docs/semantics.md} §1–§4): raw value access for all eleven channel datatypes, the fallbacks for
 * meter and depth range, normalisation, the magnification filters, a renderer producing
 * {@code 0xAARRGGBB} pixels and the hover text. No I/O happens here; callers write the pixels.
 */
package io.github.rerun4j.render.image;
