package io.github.rerun4j.io.depth;

import static io.github.rerun4j.io.depth.PngPfmDepthTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import org.junit.jupiter.api.Test;

/** Depth units (meter = 1 / depth scale) and disparity to depth. */
class UnitsAndDisparityTest {

    @Test
    void presetsAreUnitsPerMetre() {
        assertThat(DepthUnit.preset("mm").meter()).isEqualTo(1000);
        assertThat(DepthUnit.preset("M").meter()).isEqualTo(1);
        assertThat(DepthUnit.preset("tum").meter()).isEqualTo(5000);
        assertThat(DepthUnit.preset("kitti").meter()).isEqualTo(256);
        assertThatThrownBy(() -> DepthUnit.preset("cm")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cm").hasMessageContaining("mm, m, tum, kitti");
    }

    @Test
    void depthScaleIsTheInverse() {
        DepthUnit sr300 = DepthUnit.fromDepthScale(0.000124986647);
        assertThat(sr300.meter()).isCloseTo(8000.85, org.assertj.core.data.Offset.offset(0.01));
        assertThat(sr300.depthScale()).isCloseTo(0.000124986647, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(DepthUnit.fromDepthScale(0.001).meter()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-9));
        for (double bad : new double[] {0, -0.001, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE}) {
            assertThatThrownBy(() -> DepthUnit.fromDepthScale(bad)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("DepthUnit.depthScale").hasMessageContaining("metres per unit");
        }
    }

    @Test
    void disparityToDepthWithDoffsAndUnknowns() {
        // Middlebury-like: f = 4000 px, baseline 0.193 m, doffs 131; d = 269 px -> z = 0.193*4000/400 = 1.93 m.
        DepthImage disparity = DepthImage.fromF32(new float[] {269, Float.NaN, 0, -3, 869}, 5, 1);
        double[] z = values(new Disparity(0.193, 4000, 131, 1).toDepth(disparity));

        assertThat(z[0]).isCloseTo(1.93, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(z[1]).as("unknown disparity").isNaN();
        assertThat(z[2]).as("no disparity").isNaN();
        assertThat(z[3]).isNaN();
        assertThat(z[4]).isCloseTo(0.772, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void kittiDisparityPngUnitsPerPixel() {
        // KITTI disparity PNG: d = v / 256; f = 721.5377, baseline 0.54 m; v = 256 * 38.96 -> z ~ 10 m.
        DepthImage png = DepthImage.fromU16(new short[] {(short) 9974, 0}, 2, 1);
        DepthImage depth = Disparity.of(0.54, 721.5377).withUnitsPerPixel(256).toDepth(png);
        assertThat(depth.datatype()).isEqualTo(ChannelDatatype.F32);
        assertThat(values(depth)[0]).isCloseTo(0.54 * 721.5377 / (9974 / 256.0), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(values(depth)[1]).isNaN();
    }

    @Test
    void disparityParametersAreValidated() {
        assertThatThrownBy(() -> Disparity.of(0, 500)).hasMessageContaining("Disparity.baseline");
        assertThatThrownBy(() -> Disparity.of(0.1, Double.NaN)).hasMessageContaining("Disparity.focal");
        assertThatThrownBy(() -> Disparity.of(0.1, 500).withDoffs(Double.POSITIVE_INFINITY)).hasMessageContaining("Disparity.doffs");
        assertThatThrownBy(() -> Disparity.of(0.1, 500).toDepth(DepthImage.fromF16(new short[1], 1, 1)))
                .hasMessageContaining("F16");
    }
}
