/**
 * From a depth image to world-space points, the way Rerun's 3D view does it
 * ({@code docs/docs/semantics.md} §5): {@link io.github.rerun4j.render.projection.TransformChain} finds the
 * camera and its placement, {@link io.github.rerun4j.render.projection.BackProjection} turns pixels into a
 * {@link io.github.rerun4j.render.projection.PointCloud}, {@link io.github.rerun4j.render.projection.Frustum}
 * gives the camera's outline. Pure computation: no I/O, no rendering.
 *
 * <pre>{@code
 * TransformChain chain = new TransformChain(lookup);            // lookup = latest-at on the store
 * PinholeCamera cam = chain.cameraFor("/world/camera/depth").orElseThrow();
 * PointCloud cloud = BackProjection.project(depth, cam, 0, 65535);
 * }</pre>
 */
package io.github.rerun4j.render.projection;
