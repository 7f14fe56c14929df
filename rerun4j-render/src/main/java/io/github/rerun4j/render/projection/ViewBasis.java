package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.ViewDir;

/**
 * Rotations between RDF camera coordinates and a {@link ViewCoordinates} system (docs/semantics.md §5.2).
 *
 * <p>Rerun back-projects every depth pixel in RDF (x Right, y Down, z Forward) and only then converts to
 * the pinhole entity's own axes with {@code from_rdf(camera_xyz)}: a rotation whose rows are the RDF
 * direction vectors of the camera_xyz axes. So RDF gives the identity, RUB gives {@code (x, -y, -z)} and
 * FLU gives {@code (z, -x, -y)}.
 *
 * <pre>{@code
 * Affine3 camFromRdf = ViewBasis.fromRdf(ViewCoordinates.RUB);
 * camFromRdf.transformPoint(new Vec3(1, 2, 3));   // (1, -2, -3)
 * }</pre>
 */
public final class ViewBasis {

    private ViewBasis() {
    }

    /** The entity-from-RDF rotation for a camera whose axes are {@code cameraXyz} (null means RDF). */
    public static Affine3 fromRdf(ViewCoordinates cameraXyz) {
        if (cameraXyz == null) {
            return Affine3.IDENTITY;
        }
        Vec3 x = rdfDirection(cameraXyz.x());
        Vec3 y = rdfDirection(cameraXyz.y());
        Vec3 z = rdfDirection(cameraXyz.z());
        return Affine3.linear(x.x(), x.y(), x.z(), y.x(), y.y(), y.z(), z.x(), z.y(), z.z());
    }

    /** The RDF-from-entity rotation, the inverse (= transpose) of {@link #fromRdf}. */
    public static Affine3 toRdf(ViewCoordinates cameraXyz) {
        return fromRdf(cameraXyz).inverse();
    }

    /** Unit vector of a view direction in RDF coordinates, e.g. UP = (0, -1, 0). */
    public static Vec3 rdfDirection(ViewDir dir) {
        return switch (dir) {
            case RIGHT -> new Vec3(1, 0, 0);
            case LEFT -> new Vec3(-1, 0, 0);
            case DOWN -> new Vec3(0, 1, 0);
            case UP -> new Vec3(0, -1, 0);
            case FORWARD -> new Vec3(0, 0, 1);
            case BACK -> new Vec3(0, 0, -1);
        };
    }

    /**
     * The unit vector, in {@code coords}' own x/y/z, that points in direction {@code dir}; e.g. UP in RFU
     * is {@code (0, 0, 1)} and UP in RDF is {@code (0, -1, 0)}.
     */
    public static Vec3 direction(ViewCoordinates coords, ViewDir dir) {
        ViewDir[] axes = {coords.x(), coords.y(), coords.z()};
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            if (axes[i].axis() == dir.axis()) {
                v[i] = axes[i] == dir ? 1 : -1;
            }
        }
        return new Vec3(v[0], v[1], v[2]);
    }
}
