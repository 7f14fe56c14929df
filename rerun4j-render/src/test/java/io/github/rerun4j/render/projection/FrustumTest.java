package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.types.Resolution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** docs/semantics.md §5.5 and §8.3. */
class FrustumTest {

    private static void assertVec(Vec3 v, double x, double y, double z, double eps) {
        assertThat(v.x()).isCloseTo(x, within(eps));
        assertThat(v.y()).isCloseTo(y, within(eps));
        assertThat(v.z()).isCloseTo(z, within(eps));
    }

    @Test
    void cornersAt033DefaultDistance() {
        double d = Frustum.defaultImagePlaneDistance(Bounds.EMPTY.including(Vec3.ZERO)); // camera only
        assertThat(d).isEqualTo(0.3);
        List<Vec3> c = Frustum.corners(Snippet3d.pinhole(), Affine3.IDENTITY, d);
        assertVec(c.get(0), -0.225, -0.15, 0.3, 1e-9);
        assertVec(c.get(1), -0.225, 0.15, 0.3, 1e-9);
        assertVec(c.get(2), 0.225, 0.15, 0.3, 1e-9);
        assertVec(c.get(3), 0.225, -0.15, 0.3, 1e-9);
        LineSegments lines = Frustum.lines(Snippet3d.pinhole(), Affine3.IDENTITY, d);
        assertThat(lines.count()).isEqualTo(11);
        assertVec(lines.start(0), 0, 0, 0, 0);
        assertVec(lines.end(8), 0, -0.195, 0.3, 1e-7);   // apex of the up triangle
        assertVec(lines.start(8), -0.045, -0.15, 0.3, 1e-7);
    }

    @Test
    void cornersAt036DistanceFromCloudBounds() {
        Bounds cloud = new Bounds(new Vec3(-4.915125, -3.27675, 0), new Vec3(4.915125, 3.27675, 6.5535));
        double d = Frustum.defaultImagePlaneDistance(cloud);
        assertThat(cloud.diagonal()).isCloseTo(13.510386, within(1e-6));
        assertThat(d).isCloseTo(0.270208, within(1e-6));
        List<Vec3> c = Frustum.corners(Snippet3d.pinhole(), Affine3.IDENTITY, d);
        assertVec(c.get(2), 0.2027, 0.1351, 0.2702, 1e-4);
        assertVec(Frustum.lines(Snippet3d.pinhole(), Affine3.IDENTITY, d).end(8), 0, -0.1756, 0.2702, 1e-4);
    }

    @Test
    void loggedDistanceWinsAndNoResolutionMeansNoFrustum() {
        assertThat(Frustum.imagePlaneDistance(Snippet3d.pinhole().withImagePlaneDistance(0.5), Bounds.EMPTY))
                .isEqualTo(0.5);
        assertThat(Frustum.imagePlaneDistance(Snippet3d.pinhole(), Bounds.EMPTY)).isEqualTo(0.3);
        assertThat(Frustum.lines(Snippet3d.pinhole().withResolution((Resolution) null), Affine3.IDENTITY, 1)
                .count()).isZero();
    }

    @Test
    void frustumFollowsCameraXyzAndPlacement() {
        var rub = Snippet3d.pinhole().withCameraXyz(io.github.rerun4j.sdk.archetypes.ViewCoordinates.RUB);
        List<Vec3> c = Frustum.corners(rub, Affine3.translation(1, 2, 3), 0.3);
        assertVec(c.get(0), 1 - 0.225, 2 + 0.15, 3 - 0.3, 1e-9);
    }
}
