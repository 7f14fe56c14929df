package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.Vec3D;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Transform3DTest {

    @Test
    void factoriesSetOnlyTheirComponents() {
        Transform3D t = Transform3D.fromTranslation(1, 2, 3);
        assertThat(t.translation()).isEqualTo(Vec3D.of(1, 2, 3));
        assertThat(t.quaternion()).isNull();
        assertThat(t.mat3x3()).isNull();
        assertThat(t).hasToString("Transform3D[translation=(1.0, 2.0, 3.0)]");
        assertThat(Transform3D.fromRotation(Quaternion.IDENTITY).quaternion()).isEqualTo(Quaternion.IDENTITY);
        RotationAxisAngle r = RotationAxisAngle.ofDegrees(Vec3D.of(0, 1, 0), 30);
        assertThat(Transform3D.fromRotation(r).rotationAxisAngle()).isEqualTo(r);
        Transform3D pose = Transform3D.fromTranslationRotation(Vec3D.of(0, 0, 1), r);
        assertThat(pose.translation()).isEqualTo(Vec3D.of(0, 0, 1));
        assertThat(pose.rotationAxisAngle()).isEqualTo(r);
        assertThat(Transform3D.fromTranslationRotation(Vec3D.ZERO, Quaternion.IDENTITY).quaternion()).isNotNull();
        assertThat(Transform3D.fromScale(2).scale()).isEqualTo(Vec3D.of(2, 2, 2));
        assertThat(Transform3D.fromScale(1, 2, 3).scale()).isEqualTo(Vec3D.of(1, 2, 3));
        assertThat(Transform3D.fromMat3x3(Mat3x3.diagonal(1, 2, 3)).mat3x3()).isEqualTo(Mat3x3.diagonal(1, 2, 3));
        assertThat(Transform3D.IDENTITY.translation()).isEqualTo(Vec3D.ZERO);
        assertThat(Transform3D.IDENTITY.mat3x3()).isEqualTo(Mat3x3.IDENTITY);
        assertThat(Transform3D.IDENTITY.isEmpty()).isFalse();
        assertThat(t.archetypeName()).isEqualTo("rerun.archetypes.Transform3D");
    }

    @Test
    void withers() {
        Transform3D t = Transform3D.fromTranslation(1, 2, 3)
                .withRelation(TransformRelation.CHILD_FROM_PARENT)
                .withScale(2).withChildFrame("camera").withParentFrame("world")
                .withQuaternion(Quaternion.fromXyzw(0, 0, 1, 0));
        assertThat(t.relation()).isEqualTo(TransformRelation.CHILD_FROM_PARENT);
        assertThat(t.scale()).isEqualTo(Vec3D.of(2, 2, 2));
        assertThat(t.childFrame()).isEqualTo("camera");
        assertThat(t.parentFrame()).isEqualTo("world");
        assertThat(t.toString()).contains("relation=ChildFromParent", "scale=(2.0, 2.0, 2.0)");
        assertThat(t.withTranslation(null).translation()).isNull();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Transform3D.fromScale(0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Transform3D.scale: got (0.0, 0.0, 0.0), expected non-zero components");
        assertThatThrownBy(() -> Transform3D.fromScale(1, 0, 1)).hasMessageContaining("Transform3D.scale");
        assertThatThrownBy(() -> Transform3D.fromMat3x3(Mat3x3.fromRows(1, 2, 3, 2, 4, 6, 0, 0, 1)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Transform3D.mat3x3").hasMessageContaining("invertible");
        assertThatThrownBy(() -> Transform3D.fromMat3x3(Mat3x3.diagonal(1, Float.POSITIVE_INFINITY, 1)))
                .hasMessageContaining("finite elements");
        assertThatThrownBy(() -> Transform3D.fromTranslation(Float.NaN, 0, 0)).hasMessageContaining("Vec3D.x: got NaN");
        assertThatThrownBy(() -> Transform3D.fromTranslation(null)).hasMessageContaining("Transform3D.translation: got null");
        assertThatThrownBy(() -> Transform3D.fromRotation((Quaternion) null)).hasMessageContaining("Transform3D.quaternion");
        assertThatThrownBy(() -> Transform3D.IDENTITY.withChildFrame("")).hasMessageContaining("Transform3D.childFrame");
    }
}
