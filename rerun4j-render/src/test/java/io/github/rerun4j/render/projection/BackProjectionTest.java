package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.Vec3D;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** docs/semantics.md §5.2–§5.4 beyond the snippet. */
class BackProjectionTest {

    private static final Pinhole SQUARE_4x2 = Pinhole.fromFocalLengthAndResolution(2, 4, 2); // c = (2, 1)

    private static void assertPoint(PointCloud c, int i, double x, double y, double z) {
        assertThat((double) c.x(i)).isCloseTo(x, within(1e-5));
        assertThat((double) c.y(i)).isCloseTo(y, within(1e-5));
        assertThat((double) c.z(i)).isCloseTo(z, within(1e-5));
    }

    @Test
    void invalidFloatDepthsNeverBecomePoints() {
        float[] d = {0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                -1f, -0f, 1f, Float.MAX_VALUE, Float.MIN_VALUE, 2.5f};
        DepthImage img = DepthImage.fromF32(d, 5, 2);
        PointCloud c = BackProjection.project(img, Pinhole.fromFocalLengthAndResolution(1, 5, 2),
                Affine3.IDENTITY, 0, 1);
        // meter defaults to 1 for floats; MAX_VALUE * 1 is not < MAX_VALUE, MIN_VALUE is > 0.
        assertThat(c.pixelIndex()).containsExactly(6, 8, 9);
        assertThat(c.depthMeters()).containsExactly(1f, Float.MIN_VALUE, 2.5f);
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.xyz()).hasSize(9);
    }

    @Test
    void integerMeterDefaultsTo1000AndZeroIsSkipped() {
        DepthImage img = DepthImage.fromU16(new short[] {0, 1000, 2000, (short) 65535, 500, 0, 0, 0}, 4, 2);
        PointCloud c = BackProjection.project(img, SQUARE_4x2, Affine3.IDENTITY, 0, 65535);
        assertThat(c.depthMeters()).containsExactly(1f, 2f, 65.535f, 0.5f);
        assertThat(c.indexOfPixel(0, 0)).isEqualTo(-1);
        assertThat(c.pixelX(3)).isEqualTo(0);
        assertThat(c.pixelY(3)).isEqualTo(1);
    }

    @Test
    void negativeIntegerDepthsAreSkipped() {
        DepthImage img = DepthImage.fromI16(new short[] {-5, 5}, 2, 1);
        PointCloud c = BackProjection.project(img, Pinhole.fromFocalLengthAndResolution(1, 2, 1),
                Affine3.IDENTITY, 0, 5);
        assertThat(c.pixelIndex()).containsExactly(1);
    }

    @Test
    void everyDatatypeDecodes() {
        Pinhole p = Pinhole.fromFocalLengthAndResolution(1, 2, 1);
        assertThat(z(DepthImage.fromU8(new byte[] {(byte) 200, 0}, 2, 1).withMeter(100), p)).isEqualTo(2f);
        assertThat(z(DepthImage.fromI8(new byte[] {(byte) -3, 4}, 2, 1).withMeter(1), p)).isEqualTo(4f);
        assertThat(z(DepthImage.fromU32(new int[] {-1, 0}, 2, 1).withMeter(1), p)).isEqualTo(4294967295f);
        assertThat(z(DepthImage.fromI32(new int[] {7, 0}, 2, 1).withMeter(1), p)).isEqualTo(7f);
        assertThat(z(DepthImage.fromU64(new long[] {-1L, 0}, 2, 1).withMeter(1), p)).isEqualTo(1.8446744e19f);
        assertThat(z(DepthImage.fromI64(new long[] {9, 0}, 2, 1).withMeter(1), p)).isEqualTo(9f);
        assertThat(z(DepthImage.fromF64(new double[] {0.25, 0}, 2, 1), p)).isEqualTo(0.25f);
        short half1p5 = 0x3E00;       // 1.5
        short halfInf = 0x7C00;
        assertThat(z(DepthImage.fromF16(new short[] {half1p5, halfInf}, 2, 1), p)).isEqualTo(1.5f);
        // F16 goes through DepthValues.halfToFloat: a subnormal is a (tiny) point, -65504 and NaN are not.
        short halfSubnormal = 0x0001, halfMinus65504 = (short) 0xFBFF, halfNaN = 0x7E00;
        assertThat(z(DepthImage.fromF16(new short[] {halfSubnormal, halfMinus65504}, 2, 1), p)).isEqualTo(0x1p-24f);
        assertThat(z(DepthImage.fromF16(new short[] {halfNaN, (short) 0x7BFF}, 2, 1), p)).isEqualTo(65504f);
    }

    private static float z(DepthImage img, Pinhole p) {
        PointCloud c = BackProjection.project(img, p, Affine3.IDENTITY, 0, 1);
        assertThat(c.count()).isEqualTo(1);
        return c.depthMeters()[0];
    }

    @Test
    void separateFocalLengthsAndOffCentrePrincipalPoint() {
        // fx = 100, fy = 50, (cx, cy) = (10, 30); no +0.5: pixel (cx, cy) itself is on the axis.
        Pinhole p = Pinhole.fromImageFromCamera(Mat3x3.fromRows(100, 0, 10, 0, 50, 30, 0, 0, 1))
                .withResolution(40, 60);
        float[] d = new float[40 * 60];
        java.util.Arrays.fill(d, 2f);
        PointCloud c = BackProjection.project(DepthImage.fromF32(d, 40, 60), p, Affine3.IDENTITY, 0, 2);
        assertPoint(c, c.indexOfPixel(10, 30), 0, 0, 2);
        assertPoint(c, c.indexOfPixel(0, 0), -10 * 2 / 100.0, -30 * 2 / 50.0, 2);
        assertPoint(c, c.indexOfPixel(39, 59), 29 * 2 / 100.0, 29 * 2 / 50.0, 2);
        // radius uses fy and the Pinhole height: 2 * 60 / (50 * 60)
        assertThat((double) c.radii()[0]).isCloseTo(0.04, within(1e-7));
        assertThat((double) c.t()[0]).isCloseTo(1, within(1e-7));
    }

    @Test
    void rubCameraFlipsYAndZ() {
        DepthImage img = DepthImage.fromF32(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 4, 2);
        PointCloud rdf = BackProjection.project(img, SQUARE_4x2, Affine3.IDENTITY, 0, 1);
        PointCloud rub = BackProjection.project(img, SQUARE_4x2.withCameraXyz(ViewCoordinates.RUB),
                Affine3.IDENTITY, 0, 1);
        PointCloud flu = BackProjection.project(img, SQUARE_4x2.withCameraXyz(ViewCoordinates.FLU),
                Affine3.IDENTITY, 0, 1);
        for (int i = 0; i < 8; i++) {
            assertPoint(rub, i, rdf.x(i), -rdf.y(i), -rdf.z(i));
            assertPoint(flu, i, rdf.z(i), -rdf.x(i), -rdf.y(i));
        }
        assertPoint(rub, rub.indexOfPixel(0, 0), -1, 0.5, -1);
    }

    @Test
    void cameraTransformMovesThePoints() {
        // Camera at (1, 2, 3), rotated 90 deg about world y: camera +z (forward) becomes world +x.
        Transform3D pose = Transform3D.fromTranslationRotation(Vec3D.of(1, 2, 3),
                RotationAxisAngle.ofDegrees(Vec3D.of(0, 1, 0), 90));
        MapLookup lookup = new MapLookup().transform("/world/camera", pose)
                .pinhole("/world/camera", Snippet3d.pinhole());
        PinholeCamera cam = new TransformChain(lookup).cameraFor("/world/camera/depth").orElseThrow();
        PointCloud c = BackProjection.project(Snippet3d.depth(), cam, 0, 65535);
        // camera point (1.125, 1.125, 4.5) -> Ry(90): (4.5, 1.125, -1.125) -> + (1, 2, 3)
        assertPoint(c, c.indexOfPixel(200, 150), 5.5, 3.125, 1.875);
        assertThat((double) c.depthMeters()[c.indexOfPixel(200, 150)]).isCloseTo(4.5, within(1e-6));
        assertThat((double) c.radii()[c.indexOfPixel(200, 150)]).isCloseTo(0.0225, within(1e-6));

        // The same pose logged as ChildFromParent is its inverse.
        lookup.transform("/world/camera", pose.withRelation(TransformRelation.CHILD_FROM_PARENT));
        PinholeCamera inv = new TransformChain(lookup).cameraFor("/world/camera/depth").orElseThrow();
        PointCloud ci = BackProjection.project(Snippet3d.depth(), inv, 0, 65535);
        Vec3 expected = Affine3.fromTransform3D(pose).inverse().transformPoint(new Vec3(1.125, 1.125, 4.5));
        assertPoint(ci, ci.indexOfPixel(200, 150), expected.x(), expected.y(), expected.z());
    }

    @Test
    void scaledCameraScalesRadii() {
        PointCloud c = BackProjection.project(Snippet3d.depth(), Snippet3d.pinhole(), Affine3.scale(2, 2, 2),
                0, 65535);
        int i = c.indexOfPixel(200, 150);
        assertPoint(c, i, 2.25, 2.25, 9);
        assertThat((double) c.radii()[i]).isCloseTo(0.045, within(1e-6));
    }

    @Test
    void depthImageSizeIsNotRescaledToThePinhole() {
        // Half-resolution depth under a full-resolution pinhole uses the full-resolution intrinsics.
        float[] d = new float[150 * 100];
        java.util.Arrays.fill(d, 1f);
        PointCloud c = BackProjection.project(DepthImage.fromF32(d, 150, 100), Snippet3d.pinhole(),
                Affine3.IDENTITY, 0, 1);
        assertPoint(c, c.indexOfPixel(0, 0), -150 / 200.0, -100 / 200.0, 1);
        // radius = z * res_h / (fy * H) = 200 / (200 * 100)
        assertThat((double) c.radii()[0]).isCloseTo(0.01, within(1e-8));
    }
}
