package io.github.rerun4j.render.projection;

import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CloudBoundsTest {

    private static final PinholeCamera CAMERA = new PinholeCamera("/cam", Snippet3d.pinhole(), ViewCoordinates.RDF,
            Affine3.IDENTITY);

    /** The snippet with 0.8% of its pixels spurious, out to 79 m (what a real capture looked like). */
    static DepthImage withOutliers() {
        short[] raw = Snippet3d.raw();
        for (int i = 0; i < raw.length; i += 125) {   // 480 of 60000 pixels = 0.8%
            raw[i] = (short) 65535;
        }
        DepthImage clean = DepthImage.fromU16(raw, Snippet3d.W, Snippet3d.H);
        // meter 829.5: 65535 raw is 79 m; the rest of the snippet is 20000/45000 raw -> scaled below.
        short[] scaled = new short[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int v = raw[i] & 0xFFFF;
            scaled[i] = (short) (i % 125 == 0 ? 65535 : v == 65535 ? 5400 : v / 10);
        }
        return DepthImage.fromU16(scaled, Snippet3d.W, Snippet3d.H).withMeter(829.5);
    }

    @Test
    void robustBoxLeavesOutAFewFarOutliers() {
        DepthImage depth = withOutliers();
        Bounds all = BackProjection.project(depth, CAMERA, 0, 65535).bounds();
        Bounds robust = CloudBounds.robust(depth, CAMERA);
        assertThat(all.max().z()).isCloseTo(79.0, within(0.01));
        assertThat(robust.max().z()).isLessThan(7.0);          // the far plane at 6.5 m, not 79 m
        assertThat(robust.min().z()).isCloseTo(20000 / 10 / 829.5, within(1e-3));
        assertThat(robust.diagonal()).isLessThan(all.diagonal() / 5);
        // The same box from an already projected cloud.
        Bounds fromCloud = CloudBounds.robust(BackProjection.project(depth, CAMERA, 0, 65535));
        assertThat(fromCloud.max().z()).isLessThan(7.0);
    }

    @Test
    void robustBoxOfACleanCloudIsCloseToItsFullBox() {
        Bounds all = BackProjection.project(Snippet3d.depth(), CAMERA, 0, 65535).bounds();
        Bounds robust = CloudBounds.robust(Snippet3d.depth(), CAMERA);
        assertThat(robust.max().z()).isCloseTo(all.max().z(), within(1e-5));
        assertThat(robust.diagonal()).isGreaterThan(0.9 * all.diagonal());
    }

    @Test
    void rerunBoxIsTheOriginAndTheCornersAtTheFarEnd() {
        Bounds b = CloudBounds.rerun(Snippet3d.depth(), CAMERA, new DepthRange(0, 65535));
        // §8.3 (0.36): (-4.915125, -3.27675, 0) .. (4.915125, 3.27675, 6.5535), diagonal 13.510386
        assertThat(b.min().x()).isCloseTo(-4.915125, within(1e-4));
        assertThat(b.max().y()).isCloseTo(3.27675, within(1e-4));
        assertThat(b.min().z()).isZero();
        assertThat(b.diagonal()).isCloseTo(13.510386, within(1e-4));
        assertThat(CloudBounds.rerun(Snippet3d.depth(), CAMERA, new DepthRange(0, 0)).diagonal()).isZero();
    }

    @Test
    void noValidPixelGivesAnEmptyBox() {
        DepthImage zeros = DepthImage.fromU16(new short[6], 3, 2);
        assertThat(CloudBounds.robust(zeros, CAMERA).isEmpty()).isTrue();
    }
}
