/**
 * Depth files to {@link io.github.rerun4j.sdk.archetypes.DepthImage}: {@link io.github.rerun4j.io.depth.DepthReader}
 * (PNG, PFM, PGM, NPY/NPZ, TIFF, raw), {@link io.github.rerun4j.io.depth.DepthUnit} (meter and depth scale) and
 * {@link io.github.rerun4j.io.depth.Disparity} (stereo disparity to depth).
 */
@NullMarked
package io.github.rerun4j.io.depth;

import org.jspecify.annotations.NullMarked;
