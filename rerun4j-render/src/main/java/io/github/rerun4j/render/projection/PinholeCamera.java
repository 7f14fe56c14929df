package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;

/**
 * The camera a depth cloud is back-projected through: the nearest {@link Pinhole} at or above the depth
 * entity, where it sits in the world, and which axes its entity space uses.
 *
 * <pre>{@code
 * PinholeCamera cam = chain.cameraFor("/world/camera/depth").orElseThrow();
 * Affine3 worldFromRdf = cam.worldFromRdf();   // what BackProjection applies to RDF camera points
 * }</pre>
 *
 * @param entityPath      canonical path of the entity carrying the Pinhole
 * @param pinhole         the intrinsics
 * @param cameraXyz       the camera axes: the Pinhole's {@code camera_xyz}, else a ViewCoordinates logged on
 *                        the pinhole entity, else RDF (never null)
 * @param worldFromCamera world-from-pinhole-entity, including the pinhole entity's own Transform3D
 */
public record PinholeCamera(String entityPath, Pinhole pinhole, ViewCoordinates cameraXyz,
                            Affine3 worldFromCamera) {

    /** World from RDF camera coordinates: {@code worldFromCamera * fromRdf(cameraXyz)}. */
    public Affine3 worldFromRdf() {
        return worldFromCamera.multiply(ViewBasis.fromRdf(cameraXyz));
    }
}
