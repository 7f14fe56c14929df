package io.github.rerun4j.sdk.archetypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import org.junit.jupiter.api.Test;

/** Pinhole.fromIntrinsics, DepthImage.withDepthScale and AndroidDepth16 (issue 12's SDK conveniences). */
class ImportConveniencesTest {

    @Test
    void pinholeFromIntrinsicsPlacesEveryNumber() {
        Pinhole p = Pinhole.fromIntrinsics(517.3, 516.5, 318.6, 255.3, 640, 480);
        assertThat(p.imageFromCamera().columnMajor()).containsExactly(517.3f, 0, 0, 0, 516.5f, 0, 318.6f, 255.3f, 1);
        assertThat(p.resolution().width()).isEqualTo(640f);
        assertThat(p.resolution().height()).isEqualTo(480f);
        assertThatThrownBy(() -> Pinhole.fromIntrinsics(0, 1, 1, 1, 2, 2)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Pinhole.focalLengthX");
        assertThatThrownBy(() -> Pinhole.fromIntrinsics(1, 1, Double.NaN, 1, 2, 2))
                .hasMessageContaining("Pinhole.principalPoint.x");
    }

    @Test
    void depthScaleIsTheInverseOfMeter() {
        DepthImage d = DepthImage.fromU16(new short[4], 2, 2);
        assertThat(d.withDepthScale(0.001).meter()).isEqualTo(1000f);
        assertThat(d.withDepthScale(0.00025).meter()).isEqualTo(4000f);
        assertThat(d.withDepthScale(0.000124986647).meter()).isEqualTo((float) (1 / 0.000124986647));
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e-300}) {
            assertThatThrownBy(() -> d.withDepthScale(bad)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("DepthImage.depthScale").hasMessageContaining(Double.toString(bad))
                    .hasMessageContaining("metres per unit");
        }
    }

    @Test
    void camera2Depth16MasksConfidenceAndHonoursTheRowStride() {
        // 3x2 image, rows padded to 4 shorts (8 bytes); sample = confidence << 13 | range.
        short[] plane = {
            (short) (0 << 13 | 1000), (short) (1 << 13 | 2000), (short) (7 << 13 | 8191), -1,
            (short) (4 << 13 | 0), (short) (2 << 13 | 1), (short) (0 << 13 | 4321), -1};
        ShortBuffer samples = ShortBuffer.wrap(plane);
        DepthImage depth = AndroidDepth16.depth(samples, 3, 2, 8, AndroidDepth16.Source.CAMERA2);

        assertThat(depth.meter()).isEqualTo(1000f);
        ShortBuffer mm = depth.buffer().asByteBuffer().asShortBuffer();
        short[] read = new short[6];
        mm.get(read);
        assertThat(read).containsExactly((short) 1000, (short) 2000, (short) 8191, (short) 0, (short) 1, (short) 4321);
        assertThat(AndroidDepth16.confidence(samples, 3, 2, 8))
                .containsExactly((byte) 255, (byte) 0, (byte) 219, (byte) 109, (byte) 36, (byte) 255);
        assertThat(samples.position()).isZero();
    }

    @Test
    void arcoreDepth16KeepsAll16Bits() {
        ByteBuffer plane = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        plane.putShort((short) 60000).putShort((short) 9000).flip();
        DepthImage depth = AndroidDepth16.depth(plane.asShortBuffer(), 2, 1, 4, AndroidDepth16.Source.ARCORE);
        ShortBuffer mm = depth.buffer().asByteBuffer().asShortBuffer();
        assertThat(Short.toUnsignedInt(mm.get(0))).isEqualTo(60000);
        assertThat(mm.get(1)).isEqualTo((short) 9000);
    }

    @Test
    void depth16LayoutIsChecked() {
        ShortBuffer s = ShortBuffer.allocate(5);
        assertThatThrownBy(() -> AndroidDepth16.depth(s, 3, 2, 5, AndroidDepth16.Source.CAMERA2))
                .hasMessageContaining("AndroidDepth16.rowStrideBytes").hasMessageContaining(">= width * 2 = 6");
        assertThatThrownBy(() -> AndroidDepth16.depth(s, 3, 2, 6, AndroidDepth16.Source.CAMERA2))
                .hasMessageContaining("AndroidDepth16.samples").hasMessageContaining("5 shorts").hasMessageContaining("at least 6");
    }
}
