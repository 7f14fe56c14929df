/**
 * A small CPU renderer for headless 3D pictures (CLI {@code render}, tests): a
 * {@link io.github.rerun4j.render.raster3d.Camera3D} that frames a scene like Rerun's 3D view, and a
 * z-buffered {@link io.github.rerun4j.render.raster3d.SoftwareRasterizer} for depth clouds and frustum lines.
 * Takes colours and produces {@code int[]} pixels as {@code 0xAARRGGBB}
 * ({@link io.github.rerun4j.render.colormap.Argb}); encoding them (PNG) is the caller's job.
 *
 * <pre>{@code
 * SoftwareRasterizer r = new SoftwareRasterizer(800, 600, Camera3D.framing(cloud.bounds()));
 * r.drawPoints(cloud, colors);   // 0xAARRGGBB, e.g. DepthCloud.argb()
 * int[] argb = r.argb();
 * }</pre>
 */
package io.github.rerun4j.render.raster3d;
