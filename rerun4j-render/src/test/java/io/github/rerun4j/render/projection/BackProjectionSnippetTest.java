package io.github.rerun4j.render.projection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** docs/semantics.md §8.2: the depth_image_3d snippet's cloud, point by point. */
class BackProjectionSnippetTest {

    private static final PointCloud CLOUD =
            BackProjection.project(Snippet3d.depth(), Snippet3d.pinhole(), Affine3.IDENTITY, 0, 65535);

    @Test
    void everyPixelIsAPoint() {
        assertThat(CLOUD.count()).isEqualTo(60_000);
        assertThat(CLOUD.imageWidth()).isEqualTo(300);
        assertThat(CLOUD.pixelIndex()[59_999]).isEqualTo(59_999);
    }

    @ParameterizedTest(name = "pixel ({0}, {1})")
    @CsvSource({
            // x, y, X, Y, Z, radius, t
            "0, 0, -4.915125, -3.276750, 6.553500, 0.032767, 1.0",
            "100, 100, -0.500000, 0.000000, 2.000000, 0.010000, 0.305180",
            "150, 100, 0.000000, 0.000000, 6.553500, 0.032767, 1.0",
            "149, 99, -0.010000, -0.010000, 2.000000, 0.010000, 0.305180",
            "150, 99, 0.000000, -0.032767, 6.553500, 0.032767, 1.0",
            "50, 50, -1.000000, -0.500000, 2.000000, 0.010000, 0.305180",
            "149, 149, -0.022500, 1.102500, 4.500000, 0.022500, 0.686656",
            "200, 150, 1.125000, 1.125000, 4.500000, 0.022500, 0.686656",
            "279, 179, 2.902500, 1.777500, 4.500000, 0.022500, 0.686656",
            "280, 179, 4.259775, 2.588632, 6.553500, 0.032767, 1.0",
            "299, 0, 4.882357, -3.276750, 6.553500, 0.032767, 1.0",
            "0, 199, -4.915125, 3.243982, 6.553500, 0.032767, 1.0",
            "299, 199, 4.882357, 3.243982, 6.553500, 0.032767, 1.0",
    })
    void referencePoints(int x, int y, double wx, double wy, double wz, double radius, double t) {
        int i = CLOUD.indexOfPixel(x, y);
        assertThat(i).isEqualTo(y * 300 + x);
        assertThat((double) CLOUD.x(i)).isCloseTo(wx, within(2e-6 * 7));
        assertThat((double) CLOUD.y(i)).isCloseTo(wy, within(2e-6 * 7));
        assertThat((double) CLOUD.z(i)).isCloseTo(wz, within(1e-6 * 7));
        assertThat((double) CLOUD.depthMeters()[i]).isCloseTo(wz, within(1e-6 * 7));
        assertThat((double) CLOUD.radii()[i]).isCloseTo(radius, within(1e-6));
        assertThat((double) CLOUD.t()[i]).isCloseTo(t, within(1e-6));
    }

    @Test
    void depthIsRawTimesF32InverseMeter() {
        // 65535 * f32(1/10000) = 6.5534998 in f32, not 6.5535 (§8.2 note).
        int i = CLOUD.indexOfPixel(0, 0);
        assertThat(CLOUD.depthMeters()[i]).isEqualTo(65535f * (1f / 10000f));
    }

    @Test
    void pinholeWithoutResolutionGivesTinyRadii() {
        var noRes = Snippet3d.pinhole().withResolution((io.github.rerun4j.sdk.types.Resolution) null);
        PointCloud c = BackProjection.project(Snippet3d.depth(), noRes, Affine3.IDENTITY, 0, 65535);
        assertThat((double) c.radii()[c.indexOfPixel(0, 0)]).isCloseTo(1.638e-4, within(1e-7));
        assertThat((double) c.radii()[c.indexOfPixel(200, 150)]).isCloseTo(1.125e-4, within(1e-8));
        assertThat((double) c.radii()[c.indexOfPixel(100, 100)]).isCloseTo(5.0e-5, within(1e-9));
    }

    @Test
    void fillRatioScalesRadius() {
        PointCloud c = BackProjection.project(Snippet3d.depth().withPointFillRatio(0.5), Snippet3d.pinhole(),
                Affine3.IDENTITY, 0, 65535);
        assertThat((double) c.radii()[c.indexOfPixel(200, 150)]).isCloseTo(0.01125, within(1e-7));
    }

    @Test
    void automaticRangeIsZeroToMax() {
        // No depth_range logged: [0, 65535] (§8.1), so the square gets t = 20000/65535.
        PointCloud c = BackProjection.project(Snippet3d.depth(), Snippet3d.pinhole(), Affine3.IDENTITY);
        assertThat((double) c.t()[c.indexOfPixel(100, 100)]).isCloseTo(0.305180, within(1e-6));
        PointCloud logged = BackProjection.project(Snippet3d.depth().withDepthRange(20000, 45000),
                Snippet3d.pinhole(), Affine3.IDENTITY);
        assertThat((double) logged.t()[logged.indexOfPixel(100, 100)]).isCloseTo(0, within(1e-6));
        assertThat((double) logged.t()[logged.indexOfPixel(200, 150)]).isCloseTo(1, within(1e-6));
    }
}
