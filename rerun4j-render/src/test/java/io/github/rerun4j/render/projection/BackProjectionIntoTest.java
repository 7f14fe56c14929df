package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Back-projection into reused buffers, and the single-pixel entry points the viewer's hover uses. */
class BackProjectionIntoTest {

    private static final Affine3 PLACED = Affine3.translation(1, -2, 0.5).multiply(ViewBasis.fromRdf(ViewCoordinates.RUB));

    @Test
    void intoBuffersGivesExactlyTheAllocatedCloudAndReusesThem() {
        PointBuffers buf = PointBuffers.forPixels(Snippet3d.W * Snippet3d.H);
        float[] xyzArray = buf.xyz();
        for (DepthImage depth : new DepthImage[] {Snippet3d.depth(), withHoles(Snippet3d.depth())}) {
            PointCloud cloud = BackProjection.projectRdf(depth, Snippet3d.pinhole(), PLACED, 0, 65535);
            int n = BackProjection.projectRdfInto(depth, Snippet3d.pinhole(), PLACED, 0, 65535, buf);
            assertThat(n).isEqualTo(cloud.count()).isEqualTo(buf.count());
            assertThat(Arrays.copyOf(buf.xyz(), 3 * n)).containsExactly(cloud.xyz());
            assertThat(Arrays.copyOf(buf.radii(), n)).containsExactly(cloud.radii());
            assertThat(Arrays.copyOf(buf.depthMeters(), n)).containsExactly(cloud.depthMeters());
            assertThat(Arrays.copyOf(buf.pixelIndex(), n)).containsExactly(cloud.pixelIndex());
            assertThat(Arrays.copyOf(buf.t(), n)).containsExactly(cloud.t());
            assertThat(buf.toPointCloud().xyz()).containsExactly(cloud.xyz());
            assertThat(buf.xyz()).isSameAs(xyzArray); // no new arrays per frame
        }
    }

    @Test
    void tooSmallBuffersAreRejectedWithTheSizes() {
        assertThatThrownBy(() -> BackProjection.projectRdfInto(Snippet3d.depth(), Snippet3d.pinhole(), Affine3.IDENTITY,
                0, 65535, PointBuffers.forPixels(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out holds 100 points").hasMessageContaining("300x200 = 60000");
        assertThatThrownBy(() -> PointBuffers.forPixels(-1)).hasMessageContaining("got -1");
    }

    @Test
    void worldPointIsBitForBitTheCloudsPoint() {
        // fx != fy and an off-centre principal point, placed and re-axed: the hover must name the drawn point.
        Pinhole odd = Pinhole.fromFocalLengthAndResolution(180, 215, 300, 200).withPrincipalPoint(140.25f, 97.5f);
        DepthImage depth = Snippet3d.depth();
        PointCloud cloud = BackProjection.projectRdf(depth, odd, PLACED, 0, 65535);
        for (int[] px : new int[][] {{0, 0}, {100, 100}, {149, 149}, {299, 199}, {200, 150}}) {
            float z = BackProjection.depthMetres(depth, px[0], px[1]);
            float[] p = BackProjection.worldPoint(odd, PLACED, px[0], px[1], z);
            int i = cloud.indexOfPixel(px[0], px[1]);
            assertThat(z).isEqualTo(cloud.depthMeters()[i]);
            assertThat(p).containsExactly(cloud.x(i), cloud.y(i), cloud.z(i));
        }
    }

    @Test
    void radiusPerDepthIsTheCloudsRadiusOverDepth() {
        DepthImage depth = Snippet3d.depth().withPointFillRatio(0.5f);
        PointCloud cloud = BackProjection.projectRdf(depth, Snippet3d.pinhole(), Affine3.scale(2, 2, 2), 0, 65535);
        float perDepth = BackProjection.radiusPerDepth(Snippet3d.pinhole(), Snippet3d.H, 0.5f, Affine3.scale(2, 2, 2));
        assertThat(perDepth).isEqualTo(0.5f * 200 / (200f * 200) * 2);
        assertThat(cloud.radii()[0]).isEqualTo(cloud.depthMeters()[0] * perDepth);
    }

    private static DepthImage withHoles(DepthImage d) {
        short[] raw = Snippet3d.raw();
        for (int i = 0; i < raw.length; i += 7) {
            raw[i] = 0;
        }
        return DepthImage.fromU16(raw, Snippet3d.W, Snippet3d.H).withMeter(10000);
    }
}
