package io.github.rerun4j.sdk.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule for numbers in the API (docs/architecture.md, "Public API"): factories and {@code withX} methods take
 * {@code double}, as Java literals and the user's own arithmetic are; records store Rerun's wire type ({@code float}
 * for f32) and the factory narrows once, naming the field when a value does not fit a float.
 */
class DoubleParametersTest {

    /** Public classes of the archetypes and types packages whose methods follow the rule. */
    private static final List<Class<?>> API = List.of(DepthImage.class, Pinhole.class, Transform3D.class,
            ViewCoordinates.class, Mat3x3.class, Vec2D.class, Vec3D.class, Quaternion.class, RotationAxisAngle.class,
            Resolution.class, ValueRange.class, Color.class, ImageFormat.class, ImageBuffer.class, EntityPath.class);

    @Test
    void noPublicMethodTakesAFloat() {
        List<String> floatParameters = new ArrayList<>();
        for (Class<?> type : API) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && List.of(m.getParameterTypes()).contains(float.class)) {
                    floatParameters.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(floatParameters).as("public methods with a float parameter (take double and narrow)").isEmpty();
    }

    @Test
    void doublesFromTheUsersArithmeticGoStraightIn() {
        double fovY = Math.toRadians(60);
        double fx = 525.0 * 0.5;
        Pinhole cam = Pinhole.fromFocalLengthAndResolution(fx, fx, 320.0, 240.0)
                .withPrincipalPoint(160.5, 120.25)
                .withImagePlaneDistance(0.1 + 0.2);
        assertThat(cam.focalLengthX()).isEqualTo(262.5f);
        assertThat(cam.principalPoint()).isEqualTo(new Vec2D(160.5f, 120.25f));
        assertThat(cam.imagePlaneDistance()).isEqualTo((float) (0.1 + 0.2));
        assertThat(Pinhole.fromFovAndAspectRatio(fovY, 4.0 / 3).focalLengthX())
                .isEqualTo((float) (0.5 / Math.tan(fovY / 2)));
        assertThat(Transform3D.fromTranslation(0.1, 0.2, 0.3).translation()).isEqualTo(Vec3D.of(0.1f, 0.2f, 0.3f));
        assertThat(Quaternion.fromXyzw(0, 0, Math.sqrt(0.5), Math.sqrt(0.5)).z()).isEqualTo((float) Math.sqrt(0.5));
        assertThat(Mat3x3.diagonal(1.0 / 3, 1, 1).get(0, 0)).isEqualTo((float) (1.0 / 3));
    }

    @Test
    void aDoubleOutsideFloatRangeIsReportedAsItselfWithTheField() {
        assertThatThrownBy(() -> Pinhole.fromFocalLengthAndResolution(1e300, 640, 480))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Pinhole.focalLengthX: got 1.0E300, expected a finite non-zero value representable as a float (pixels)");
        assertThatThrownBy(() -> Vec3D.of(0, 1e39, 0))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Vec3D.y");
        assertThatThrownBy(() -> Resolution.of(640, 1e40))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Resolution.height");
        assertThatThrownBy(() -> Mat3x3.fromRows(1, 0, 0, 0, 1, 0, 0, 0, -1e300))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Mat3x3");
        // A matrix may hold non-finite values (Pinhole and Transform3D reject them with their own field name).
        assertThat(Mat3x3.diagonal(Double.NaN, 1, 1).isFinite()).isFalse();
    }
}
