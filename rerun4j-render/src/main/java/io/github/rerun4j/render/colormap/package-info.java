/**
 * CPU reference of the Rerun 0.33 viewer's colormaps ({@code docs/semantics.md} §3): the exact per-value
 * functions ({@link io.github.rerun4j.render.colormap.Colormaps}), a precomputed fast path for u16 images
 * ({@link io.github.rerun4j.render.colormap.ColormapLut}) and the pixel packing used everywhere
 * ({@link io.github.rerun4j.render.colormap.Argb}: {@code 0xAARRGGBB}, non-premultiplied, 8-bit sRGB).
 */
package io.github.rerun4j.render.colormap;
