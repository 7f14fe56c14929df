package io.github.rerun4j.render.raster3d;

import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.Frustum;
import io.github.rerun4j.render.projection.LineSegments;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.render.projection.Snippet3d;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoftwareRasterizerTest {

    private static final int SQUARE = 0xFF35618E, BAR = 0xFF3DBB74, FAR = 0xFFFCE721; // §8.1 Viridis, ARGB
    private static final PointCloud CLOUD =
            BackProjection.project(Snippet3d.depth(), Snippet3d.pinhole(), Affine3.IDENTITY, 0, 65535);

    private static int[] snippetColors() {
        int[] c = new int[CLOUD.count()];
        for (int i = 0; i < c.length; i++) {
            float z = CLOUD.depthMeters()[i];
            c[i] = z < 3 ? SQUARE : z < 5 ? BAR : FAR;
        }
        return c;
    }

    @Test
    void lookingThroughThePinholeReproducesTheDepthImage() {
        Camera3D eye = Camera3D.throughPinhole(Snippet3d.pinhole(), Affine3.IDENTITY);
        assertThat(eye.fovYRadians()).isCloseTo(2 * Math.atan(0.5), within(1e-12));
        SoftwareRasterizer r = new SoftwareRasterizer(300, 200, eye);
        r.drawPoints(CLOUD, snippetColors());
        // Spheres of fill ratio 1 touch their neighbours' centres: the picture is fully covered.
        for (int p : r.argb()) {
            assertThat(p).isNotEqualTo(SoftwareRasterizer.BACKGROUND);
        }
        assertThat(r.pixel(100, 100)).isEqualTo(SQUARE);
        assertThat(r.pixel(60, 60)).isEqualTo(SQUARE);
        assertThat(r.pixel(200, 150)).isEqualTo(BAR);
        assertThat(r.pixel(120, 140)).isEqualTo(BAR);     // overlap: the bar won in the data
        assertThat(r.pixel(10, 10)).isEqualTo(FAR);
        assertThat(r.pixel(290, 190)).isEqualTo(FAR);
        assertThat(r.depthAt(100, 100)).isBetween(1.98f, 2.0f);  // sphere front surface, just before z = 2
    }

    @Test
    void zBufferKeepsTheNearerDiscWhateverTheOrder() {
        Camera3D eye = new Camera3D(Vec3.ZERO, new Vec3(0, 0, 1), new Vec3(0, -1, 0), Math.toRadians(60));
        PointCloud far = new PointCloud(new float[] {0, 0, 5}, new float[] {1f}, new float[] {5}, new int[] {0},
                new float[] {0}, 1, 1);
        PointCloud near = new PointCloud(new float[] {0, 0, 2}, new float[] {0.1f}, new float[] {2},
                new int[] {0}, new float[] {0}, 1, 1);
        for (boolean nearFirst : new boolean[] {true, false}) {
            SoftwareRasterizer r = new SoftwareRasterizer(101, 101, eye);
            if (nearFirst) {
                r.drawPoints(near, new int[] {0xFF0000FF});
                r.drawPoints(far, new int[] {0xFFFF0000});
            } else {
                r.drawPoints(far, new int[] {0xFFFF0000});
                r.drawPoints(near, new int[] {0xFF0000FF});
            }
            assertThat(r.pixel(50, 50)).isEqualTo(0xFF0000FF);       // blue, nearer
            assertThat(r.pixel(50, 40)).isEqualTo(0xFFFF0000);       // red, outside the small disc
            assertThat(r.pixel(0, 0)).isEqualTo(SoftwareRasterizer.BACKGROUND);
        }
    }

    @Test
    void transparentColoursAreSkipped() {
        Camera3D eye = new Camera3D(Vec3.ZERO, new Vec3(0, 0, 1), new Vec3(0, -1, 0), Math.toRadians(60));
        SoftwareRasterizer r = new SoftwareRasterizer(11, 11, eye);
        r.drawPoints(new PointCloud(new float[] {0, 0, 5}, new float[] {1f}, new float[] {5}, new int[] {0},
                new float[] {0}, 1, 1), new int[] {0x00FFFFFF});          // white, alpha 0
        assertThat(r.argb()).containsOnly(SoftwareRasterizer.BACKGROUND);
        r.drawLines(LineSegments.of(new Vec3(-20, 0, 5), new Vec3(20, 0, 5)), 0x00FFFFFF);
        assertThat(r.argb()).containsOnly(SoftwareRasterizer.BACKGROUND);
        // Any other alpha is drawn opaque (no blending).
        r.drawPoints(new PointCloud(new float[] {0, 0, 5}, new float[] {1f}, new float[] {5}, new int[] {0},
                new float[] {0}, 1, 1), new int[] {0x01FF0000});
        assertThat(r.pixel(5, 5)).isEqualTo(0xFFFF0000);
    }

    @Test
    void defaultFramingShowsTheCloudAndFrustum() {
        Bounds scene = CLOUD.bounds().including(Vec3.ZERO);
        Camera3D eye = Camera3D.framing(scene);
        SoftwareRasterizer r = new SoftwareRasterizer(400, 300, eye);
        r.drawGrid(ViewCoordinates.RFU, 1, 5, SoftwareRasterizer.GRID_COLOR);
        r.drawPoints(CLOUD, snippetColors());
        r.drawLines(Frustum.lines(Snippet3d.pinhole(), Affine3.IDENTITY, Frustum.defaultImagePlaneDistance(scene)),
                SoftwareRasterizer.FRUSTUM_COLOR);
        int lit = 0;
        for (int p : r.argb()) {
            if (p != SoftwareRasterizer.BACKGROUND) lit++;
        }
        // Rerun's default eye for an RFU scene sees the snippet's planes nearly edge-on (Z is "up"), so
        // only a few percent of the picture is covered; the grid adds a little.
        assertThat(lit).isBetween(400 * 300 / 50, 400 * 300 / 2);
        // The point of pixel (200, 150) is drawn where the camera projects it (maybe hidden by a nearer one).
        int i = CLOUD.indexOfPixel(200, 150);
        double[] s = eye.project(new Vec3(CLOUD.x(i), CLOUD.y(i), CLOUD.z(i)), 400, 300);
        assertThat(s).isNotNull();
        assertThat(r.pixel((int) s[0], (int) s[1])).isNotEqualTo(SoftwareRasterizer.BACKGROUND);
        assertThat((double) r.depthAt((int) s[0], (int) s[1])).isLessThanOrEqualTo(s[2]);
    }

    @Test
    void framingFollowsRerunsDefaultEye() {
        Bounds box = new Bounds(new Vec3(-1, -1, -1), new Vec3(1, 1, 1));
        Camera3D eye = Camera3D.framing(box);
        double radius = 1.5 * Math.sqrt(3);
        Vec3 dir = new Vec3(0.25, 0.75, -0.25).normalized();   // 0.75 fwd + 0.25 right - 0.25 up in RFU
        assertThat(eye.eye().minus(dir.times(-radius)).length()).isLessThan(1e-12);
        assertThat(eye.target()).isEqualTo(new Vec3(0, 0, 0));
        assertThat(eye.up()).isEqualTo(new Vec3(0, 0, 1));
        assertThat(eye.fovYRadians()).isEqualTo(Math.toRadians(55));
        // Y-up scene (RUB): up is +Y
        assertThat(Camera3D.framing(box, ViewCoordinates.RUB).up()).isEqualTo(new Vec3(0, 1, 0));
        // Empty scene: unit orbit around the origin
        assertThat(Camera3D.framing(Bounds.EMPTY).eye().length()).isCloseTo(1, within(1e-12));
    }

    @Test
    void linesAreDepthTestedAndClippedAtTheNearPlane() {
        Camera3D eye = new Camera3D(Vec3.ZERO, new Vec3(0, 0, 1), new Vec3(0, -1, 0), Math.toRadians(90));
        SoftwareRasterizer r = new SoftwareRasterizer(101, 101, eye);
        // A horizontal line at z = 10 across the view, and one that starts behind the eye.
        r.drawLines(LineSegments.of(new Vec3(-20, 0, 10), new Vec3(20, 0, 10)), 0xFFFFFFFF);
        assertThat(r.pixel(50, 50)).isEqualTo(0xFFFFFFFF);
        assertThat(r.pixel(0, 50)).isEqualTo(0xFFFFFFFF);
        assertThat(r.pixel(50, 20)).isEqualTo(SoftwareRasterizer.BACKGROUND);
        r.drawLines(LineSegments.of(new Vec3(1, 1, -5), new Vec3(1, 1, 5)), 0xFF00FF00);
        assertThat(r.pixel(60, 60)).isEqualTo(0xFF00FF00); // (1, 1, 5) projects to (60.5, 60.5)
        // A sphere in front hides the white line, the line in front of a far sphere stays visible.
        r.drawPoints(new PointCloud(new float[] {0, 0, 5}, new float[] {0.5f}, new float[] {5}, new int[] {0},
                new float[] {0}, 1, 1), new int[] {0xFFFF0000});
        assertThat(r.pixel(50, 50)).isEqualTo(0xFFFF0000);
        assertThat(r.pixel(5, 50)).isEqualTo(0xFFFFFFFF);
    }
}
