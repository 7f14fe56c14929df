package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ValueTypesTest {

    @Test
    void valueRange() {
        assertThat(ValueRange.of(0, 65535)).hasToString("[0.0, 65535.0]");
        assertThat(ValueRange.of(3, 3).max()).isEqualTo(3);
        assertThatThrownBy(() -> ValueRange.of(2, 1)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ValueRange: got [2.0, 1.0], expected finite bounds with min <= max");
        assertThatThrownBy(() -> ValueRange.of(Double.NaN, 1)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> ValueRange.of(0, Double.POSITIVE_INFINITY)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void resolution() {
        assertThat(Resolution.of(300, 200)).hasToString("[300.0, 200.0]");
        assertThatThrownBy(() -> Resolution.of(0, 200)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Resolution.width: got 0.0, expected a finite value > 0");
        assertThatThrownBy(() -> Resolution.of(1, Float.NaN)).hasMessageContaining("Resolution.height: got NaN");
    }

    @Test
    void mat3x3LayoutAndMath() {
        Mat3x3 rows = Mat3x3.fromRows(1, 2, 3, 4, 5, 6, 7, 8, 10);
        assertThat(rows.columnMajor()).containsExactly(1, 4, 7, 2, 5, 8, 3, 6, 10);
        assertThat(rows.rowMajor()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 10);
        assertThat(rows.get(0, 2)).isEqualTo(3);
        assertThat(rows.get(2, 0)).isEqualTo(7);
        assertThat(Mat3x3.fromColumns(1, 4, 7, 2, 5, 8, 3, 6, 10)).isEqualTo(rows).hasSameHashCodeAs(rows);
        assertThat(rows.determinant()).isCloseTo(-3.0, within(1e-9));
        assertThat(Mat3x3.IDENTITY.determinant()).isEqualTo(1.0);
        assertThat(rows.isFinite()).isTrue();
        assertThat(rows.with(1, 1, Float.NaN).isFinite()).isFalse();
        assertThat(rows).hasToString("Mat3x3[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]]");
    }

    @Test
    void mat3x3CopiesDefensively() {
        float[] src = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        Mat3x3 m = new Mat3x3(src);
        src[0] = 5;
        assertThat(m.get(0, 0)).isEqualTo(1);
        m.columnMajor()[0] = 7;
        assertThat(m.get(0, 0)).isEqualTo(1);
        assertThat(m).isEqualTo(Mat3x3.IDENTITY);
        assertThatThrownBy(() -> new Mat3x3(new float[8])).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Mat3x3.columnMajor: got 8 elements, expected exactly 9 elements (column-major 3x3)");
        assertThatThrownBy(() -> m.get(3, 0)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void vectorsAndRotations() {
        assertThat(Vec3D.of(1, 2, 3)).hasToString("(1.0, 2.0, 3.0)");
        assertThatThrownBy(() -> Vec3D.of(Float.NaN, 0, 0)).hasMessageContaining("Vec3D.x: got NaN");
        assertThatThrownBy(() -> Vec3D.of(0, 0, Float.POSITIVE_INFINITY)).hasMessageContaining("Vec3D.z: got Infinity");
        assertThat(Quaternion.IDENTITY.w()).isEqualTo(1);
        assertThat(Quaternion.fromWxyz(4, 1, 2, 3)).isEqualTo(new Quaternion(1, 2, 3, 4));
        assertThatThrownBy(() -> new Quaternion(0, 0, 0, 0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Quaternion: got (0.0, 0.0, 0.0, 0.0), expected a non-zero quaternion");
        assertThatThrownBy(() -> new Quaternion(0, 0, Float.NaN, 1)).hasMessageContaining("Quaternion.z");
        RotationAxisAngle r = RotationAxisAngle.ofDegrees(Vec3D.of(0, 0, 1), 90);
        assertThat(r.angleRadians()).isCloseTo((float) (Math.PI / 2), within(1e-6f));
        assertThat(r.angleDegrees()).isCloseTo(90, within(1e-4));
        assertThatThrownBy(() -> RotationAxisAngle.ofDegrees(Vec3D.ZERO, 90))
                .hasMessage("RotationAxisAngle.axis: got (0.0, 0.0, 0.0), expected a non-zero axis");
        assertThatThrownBy(() -> new RotationAxisAngle(null, 1)).hasMessageContaining("RotationAxisAngle.axis: got null");
        assertThatThrownBy(() -> new RotationAxisAngle(Vec3D.ONE, Float.NaN))
                .hasMessageContaining("RotationAxisAngle.angleRadians: got NaN");
    }

    @Test
    void color() {
        Color c = Color.fromRgb(255, 128, 0);
        assertThat(c.rgba()).isEqualTo(0xFF8000FF);
        assertThat(c).hasToString("#FF8000FF");
        assertThat(c.r()).isEqualTo(255);
        assertThat(c.g()).isEqualTo(128);
        assertThat(c.b()).isEqualTo(0);
        assertThat(c.a()).isEqualTo(255);
        assertThat(Color.fromRgba(1, 2, 3, 4).rgba()).isEqualTo(0x01020304);
        assertThatThrownBy(() -> Color.fromRgb(256, 0, 0)).hasMessage("Color.r: got 256, expected a value in 0..255");
    }

    @Test
    void exceptionExposesFieldValueExpected() {
        InvalidArgumentException e = new InvalidArgumentException("DepthImage.meter", "-1.0", "a finite value > 0");
        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DepthImage.meter: got -1.0, expected a finite value > 0");
        assertThat(e.field()).isEqualTo("DepthImage.meter");
        assertThat(e.value()).isEqualTo("-1.0");
        assertThat(e.expected()).isEqualTo("a finite value > 0");
    }
}
