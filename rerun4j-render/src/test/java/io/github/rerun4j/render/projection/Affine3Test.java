package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.Vec3D;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Affine3Test {

    static void assertVec(Vec3 v, double x, double y, double z) {
        assertThat(v.x()).isCloseTo(x, within(1e-6));
        assertThat(v.y()).isCloseTo(y, within(1e-6));
        assertThat(v.z()).isCloseTo(z, within(1e-6));
    }

    @Test
    void compositionOrderIsTranslationRotationQuaternionScaleMatrix() {
        // Applied right to left: mat3x3 (swap x,y), scale 2, quaternion 90 deg about z, axis-angle 90 deg
        // about x, translation (10, 0, 0).
        Transform3D t = new Transform3D(Vec3D.of(10, 0, 0),
                RotationAxisAngle.ofDegrees(Vec3D.of(1, 0, 0), 90),
                Quaternion.fromXyzw(0, 0, (float) Math.sqrt(0.5), (float) Math.sqrt(0.5)),
                Vec3D.of(2, 2, 2), Mat3x3.fromRows(0, 1, 0, 1, 0, 0, 0, 0, 1), null, null, null);
        // p=(1,0,0) -> mat (0,1,0) -> scale (0,2,0) -> quat z90 (-2,0,0) -> axis x90 (-2,0,0) -> +t (8,0,0)
        assertVec(Affine3.fromTransform3D(t).transformPoint(new Vec3(1, 0, 0)), 8, 0, 0);
        // p=(0,0,1) -> (0,0,1) -> (0,0,2) -> (0,0,2) -> x90: (0,-2,0) -> (10,-2,0)
        assertVec(Affine3.fromTransform3D(t).transformPoint(new Vec3(0, 0, 1)), 10, -2, 0);
    }

    @Test
    void childFromParentIsInverted() {
        Transform3D t = Transform3D.fromTranslationRotation(Vec3D.of(1, 2, 3),
                RotationAxisAngle.ofDegrees(Vec3D.of(0, 0, 1), 90));
        Affine3 pfc = Affine3.fromTransform3D(t);
        Affine3 inverted = Affine3.fromTransform3D(t.withRelation(TransformRelation.CHILD_FROM_PARENT));
        assertThat(inverted.isClose(pfc.inverse(), 1e-12)).isTrue();
        assertThat(pfc.multiply(inverted).isClose(Affine3.IDENTITY, 1e-12)).isTrue();
    }

    @Test
    void quaternionIsNormalisedAndAxisAngleIsRightHanded() {
        Affine3 q = Affine3.rotation(Quaternion.fromXyzw(0, 0, 2, 2)); // 90 deg about z, not unit
        assertVec(q.transformPoint(new Vec3(1, 0, 0)), 0, 1, 0);
        Affine3 a = Affine3.rotation(RotationAxisAngle.ofDegrees(Vec3D.of(0, 0, 5), 90));
        assertVec(a.transformPoint(new Vec3(1, 0, 0)), 0, 1, 0);
        assertThat(a.averageScale()).isCloseTo(1, within(1e-12));
        assertThat(Affine3.scale(2, 4, 8).averageScale()).isCloseTo(4, within(1e-12));
    }

    @Test
    void inverseOfSingularFails() {
        assertThatThrownBy(() -> Affine3.scale(1, 0, 1).inverse()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void multiplyAppliesRightFirst() {
        Affine3 t = Affine3.translation(1, 0, 0);
        Affine3 s = Affine3.scale(2, 2, 2);
        assertVec(t.multiply(s).transformPoint(new Vec3(1, 1, 1)), 3, 2, 2);
        assertVec(s.multiply(t).transformPoint(new Vec3(1, 1, 1)), 4, 2, 2);
        assertVec(t.multiply(s).inverse().transformPoint(new Vec3(3, 2, 2)), 1, 1, 1);
    }
}
