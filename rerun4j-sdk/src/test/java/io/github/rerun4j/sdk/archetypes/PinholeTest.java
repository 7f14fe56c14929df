package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Color;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.Resolution;
import io.github.rerun4j.sdk.types.Vec2D;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PinholeTest {

    @Test
    void focalLengthAndResolutionLikeTheSnippet() {
        Pinhole p = Pinhole.fromFocalLengthAndResolution(200, 300, 200);
        assertThat(p.imageFromCamera().columnMajor()).containsExactly(200, 0, 0, 0, 200, 0, 150, 100, 1);
        assertThat(p.resolution()).isEqualTo(Resolution.of(300, 200));
        assertThat(p.focalLengthX()).isEqualTo(200);
        assertThat(p.focalLengthY()).isEqualTo(200);
        assertThat(p.principalPoint()).isEqualTo(new Vec2D(150, 100));
        assertThat(p.cameraXyz()).isNull();
        assertThat(p.effectiveCameraXyz()).isEqualTo(ViewCoordinates.RDF);
        assertThat(p.archetypeName()).isEqualTo("rerun.archetypes.Pinhole");
        assertThat(p).hasToString("Pinhole[f=(200.0, 200.0), principalPoint=(150.0, 100.0), resolution=[300.0, 200.0]]");
    }

    @Test
    void separateFocalLengthsAndPrincipalPoint() {
        Pinhole p = Pinhole.fromFocalLengthAndResolution(500, 400, 640, 480).withPrincipalPoint(320.5f, 241);
        assertThat(p.imageFromCamera().columnMajor()).containsExactly(500, 0, 0, 0, 400, 0, 320.5f, 241, 1);
    }

    @Test
    void fovAndAspectRatioLikePython() {
        Pinhole p = Pinhole.fromFovAndAspectRatio((float) Math.toRadians(90), 1.5f);
        assertThat(p.focalLengthX()).isCloseTo(0.5f, within(1e-6f)); // 0.5 / tan(45 deg)
        assertThat(p.resolution()).isEqualTo(Resolution.of(1.5f, 1f));
        assertThat(p.principalPoint()).isEqualTo(new Vec2D(0.75f, 0.5f));
    }

    @Test
    void withers() {
        Pinhole p = Pinhole.fromFocalLengthAndResolution(200, 300, 200)
                .withCameraXyz(ViewCoordinates.RUB).withImagePlaneDistance(0.5).withColor(Color.fromRgb(255, 0, 0))
                .withLineWidth(-2).withChildFrame("cam").withParentFrame("world").withResolution(640, 480);
        assertThat(p.cameraXyz()).isEqualTo(ViewCoordinates.RUB);
        assertThat(p.imagePlaneDistance()).isEqualTo(0.5f);
        assertThat(p.color().rgba()).isEqualTo(0xFF0000FF);
        assertThat(p.lineWidth()).isEqualTo(-2f);
        assertThat(p.childFrame()).isEqualTo("cam");
        assertThat(p.parentFrame()).isEqualTo("world");
        assertThat(p.resolution()).isEqualTo(Resolution.of(640, 480));
        assertThat(p.toString()).contains("cameraXyz=RUB", "imagePlaneDistance=0.5", "color=#FF0000FF");
        assertThat(p.withCameraXyz(null).cameraXyz()).isNull();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Pinhole.fromFocalLengthAndResolution(0, 300, 200))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Pinhole.focalLengthX: got 0.0, expected a finite non-zero value (pixels)");
        assertThatThrownBy(() -> Pinhole.fromFocalLengthAndResolution(200, Float.NaN, 300, 200))
                .hasMessageContaining("Pinhole.focalLengthY: got NaN");
        assertThatThrownBy(() -> Pinhole.fromFocalLengthAndResolution(200, 0, 200))
                .hasMessageContaining("Resolution.width: got 0.0");
        assertThatThrownBy(() -> Pinhole.fromImageFromCamera(null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Pinhole.imageFromCamera: got null");
        assertThatThrownBy(() -> Pinhole.fromImageFromCamera(Mat3x3.fromRows(1, 0, 0, 0, 1, 0, 0, 0, Float.NaN)))
                .hasMessageContaining("Pinhole.imageFromCamera").hasMessageContaining("finite elements");
        assertThatThrownBy(() -> Pinhole.fromImageFromCamera(Mat3x3.fromRows(200, 0, 150, 0, 200, 100, 0, 0, 0)))
                .hasMessageContaining("Pinhole.imageFromCamera").hasMessageContaining("invertible");
        assertThatThrownBy(() -> Pinhole.fromImageFromCamera(Mat3x3.fromRows(0, 1, 0, 1, 0, 0, 0, 0, 1)))
                .hasMessageContaining("fx = [0][0] and fy = [1][1] non-zero");
        Pinhole ok = Pinhole.fromFocalLengthAndResolution(200, 300, 200);
        assertThatThrownBy(() -> ok.withImagePlaneDistance(0)).hasMessage(
                "Pinhole.imagePlaneDistance: got 0.0, expected a finite value > 0");
        assertThatThrownBy(() -> ok.withLineWidth(Double.NaN)).hasMessageContaining("Pinhole.lineWidth: got NaN");
        assertThatThrownBy(() -> ok.withChildFrame(" ")).hasMessageContaining("Pinhole.childFrame: got \" \"");
        assertThatThrownBy(() -> ok.withPrincipalPoint(Float.NaN, 0)).hasMessageContaining("Pinhole.principalPoint.x");
        assertThatThrownBy(() -> Pinhole.fromFovAndAspectRatio(4f, 1f)).hasMessageContaining("Pinhole.fovY: got 4.0");
        assertThatThrownBy(() -> Pinhole.fromFovAndAspectRatio(1f, -1f)).hasMessageContaining("Pinhole.aspectRatio");
    }
}
