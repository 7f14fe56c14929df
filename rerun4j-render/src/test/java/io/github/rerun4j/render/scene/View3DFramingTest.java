package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.raster3d.Camera3D;
import io.github.rerun4j.render.raster3d.SoftwareRasterizer;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Framing on the robust box (issue 10 item 8), the grid under the scene (item 11), an explicit eye. */
class View3DFramingTest {

    private static final int W = 300, H = 200;
    private static final Pinhole PINHOLE = Pinhole.fromFocalLengthAndResolution(200, W, H);

    /** A plane at 3 m, optionally with 0.8% of its pixels spurious at 79 m (meter 800). */
    private static DepthImage plane(boolean outliers) {
        short[] raw = new short[W * H];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (short) (outliers && i % 125 == 0 ? 63200 : 2400);
        }
        return DepthImage.fromU16(raw, W, H).withMeter(800);
    }

    private static int pointPixels(int[] argb) {
        int n = 0;
        for (int p : argb) {
            if (p != SoftwareRasterizer.BACKGROUND && p != SoftwareRasterizer.GRID_COLOR
                    && p != SoftwareRasterizer.FRUSTUM_COLOR) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aFewFarOutliersDoNotShrinkTheSceneToASpeck() {
        PinholeCamera cam = new PinholeCamera("/cam", PINHOLE, ViewCoordinates.RDF, Affine3.IDENTITY);
        int clean = pointPixels(View3D.render(DepthCloud.of(plane(false), cam, RenderOverrides.NONE),
                ViewCoordinates.RDF, 320, 240));
        int noisy = pointPixels(View3D.render(DepthCloud.of(plane(true), cam, RenderOverrides.NONE),
                ViewCoordinates.RDF, 320, 240));
        assertThat(clean).isGreaterThan(320 * 240 / 20);
        // Framed on the full box the plane shrank to a speck; on the robust box it is about as big as without.
        assertThat(noisy).isGreaterThan(clean / 2);
    }

    @Test
    void theGridLiesUnderTheSceneNotAtTheOrigin() {
        // A camera 50 m from the origin: a grid at the origin is out of the picture.
        PinholeCamera far = new PinholeCamera("/cam", PINHOLE, ViewCoordinates.RDF, Affine3.translation(50, 40, 0));
        DepthCloud cloud = DepthCloud.of(plane(false), far, RenderOverrides.NONE);
        int[] argb = View3D.render(cloud, ViewCoordinates.RFU, 320, 240);
        int grid = 0;
        for (int p : argb) {
            if (p == SoftwareRasterizer.GRID_COLOR) grid++;
        }
        assertThat(grid).isGreaterThan(200);
        Bounds box = View3D.framingBounds(cloud);
        Vec3 c = View3D.gridCentre(box, ViewCoordinates.RFU);
        assertThat(c.x()).isCloseTo(box.center().x(), within(1e-9));
        assertThat(c.y()).isCloseTo(box.center().y(), within(1e-9));
        assertThat(c.z()).isCloseTo(box.min().z(), within(1e-9)); // Z is up in RFU: the lowest point
    }

    @Test
    void anExplicitEyeIsUsed() {
        PinholeCamera cam = new PinholeCamera("/cam", PINHOLE, ViewCoordinates.RDF, Affine3.IDENTITY);
        DepthCloud cloud = DepthCloud.of(plane(false), cam, RenderOverrides.NONE);
        Camera3D def = View3D.defaultCamera(cloud, ViewCoordinates.RDF);
        // Looking away from the scene: nothing of the cloud is seen.
        Camera3D away = def.withTarget(def.eye().minus(def.target().minus(def.eye())));
        assertThat(pointPixels(View3D.render(cloud, ViewCoordinates.RDF, 160, 120, away))).isZero();
        assertThat(pointPixels(View3D.render(cloud, ViewCoordinates.RDF, 160, 120, def))).isPositive();
    }
}
