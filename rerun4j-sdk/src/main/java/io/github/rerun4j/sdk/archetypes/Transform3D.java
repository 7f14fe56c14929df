package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.Require;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.Vec3D;
import org.jspecify.annotations.Nullable;

/**
 * A 3D transform from an entity's space to its parent's; archetype {@code rerun.archetypes.Transform3D}.
 *
 * <p>The components present are composed as {@code translation * rotationAxisAngle * quaternion * scale
 * * mat3x3} (applied to a point right to left) and inverted if {@code relation} is
 * {@link TransformRelation#CHILD_FROM_PARENT}. A logged row is atomic: components left null count as
 * identity, they are not inherited from earlier rows. Only set components are logged, so a transform with
 * every field null logs nothing; use {@link #IDENTITY} to reset.
 *
 * <pre>{@code
 * Transform3D camPose = Transform3D.fromTranslationRotation(
 *         Vec3D.of(0, 0, 1.5f),
 *         RotationAxisAngle.ofDegrees(Vec3D.of(0, 1, 0), 30));
 * Transform3D flipped = camPose.withRelation(TransformRelation.CHILD_FROM_PARENT);
 * }</pre>
 *
 * @param translation       or null
 * @param rotationAxisAngle or null
 * @param quaternion        or null
 * @param scale             per-axis scale, no component zero, or null
 * @param mat3x3            finite, invertible, or null
 * @param relation          or null (= ParentFromChild)
 * @param childFrame        transform frame id of this entity, or null; non-blank if set
 * @param parentFrame       transform frame id of the parent, or null; non-blank if set
 */
public record Transform3D(@Nullable Vec3D translation, @Nullable RotationAxisAngle rotationAxisAngle,
                          @Nullable Quaternion quaternion, @Nullable Vec3D scale, @Nullable Mat3x3 mat3x3,
                          @Nullable TransformRelation relation, @Nullable String childFrame,
                          @Nullable String parentFrame) implements Archetype {

    /** Zero translation and identity matrix: resets the entity's transform when logged. */
    public static final Transform3D IDENTITY =
            new Transform3D(Vec3D.ZERO, null, null, null, Mat3x3.IDENTITY, null, null, null);

    /** Validates scale, matrix and frame ids (vectors and rotations validate themselves). */
    public Transform3D {
        if (scale != null && (scale.x() == 0 || scale.y() == 0 || scale.z() == 0)) {
            throw new InvalidArgumentException("Transform3D.scale", scale.toString(),
                    "non-zero components (a zero scale makes the transform singular; Rerun treats it as invalid)");
        }
        if (mat3x3 != null) {
            if (!mat3x3.isFinite()) {
                throw new InvalidArgumentException("Transform3D.mat3x3", mat3x3.toString(), "finite elements");
            }
            if (mat3x3.determinant() == 0) {
                throw new InvalidArgumentException("Transform3D.mat3x3", mat3x3.toString(),
                        "an invertible matrix (determinant != 0; Rerun treats a singular one as invalid)");
            }
        }
        if (childFrame != null) {
            Require.nonBlank("Transform3D.childFrame", childFrame);
        }
        if (parentFrame != null) {
            Require.nonBlank("Transform3D.parentFrame", parentFrame);
        }
    }

    private static final Transform3D EMPTY = new Transform3D(null, null, null, null, null, null, null, null);

    /** A pure translation. */
    public static Transform3D fromTranslation(double x, double y, double z) {
        return fromTranslation(Vec3D.of(x, y, z));
    }

    /** A pure translation. */
    public static Transform3D fromTranslation(Vec3D translation) {
        return EMPTY.withTranslation(Require.nonNull("Transform3D.translation", translation));
    }

    /** A pure rotation. */
    public static Transform3D fromRotation(Quaternion rotation) {
        return EMPTY.withQuaternion(Require.nonNull("Transform3D.quaternion", rotation));
    }

    /** A pure rotation. */
    public static Transform3D fromRotation(RotationAxisAngle rotation) {
        return EMPTY.withRotationAxisAngle(Require.nonNull("Transform3D.rotationAxisAngle", rotation));
    }

    /** Rotation, then translation (a rigid pose). */
    public static Transform3D fromTranslationRotation(Vec3D translation, Quaternion rotation) {
        return fromTranslation(translation).withQuaternion(Require.nonNull("Transform3D.quaternion", rotation));
    }

    /** Rotation, then translation (a rigid pose). */
    public static Transform3D fromTranslationRotation(Vec3D translation, RotationAxisAngle rotation) {
        return fromTranslation(translation)
                .withRotationAxisAngle(Require.nonNull("Transform3D.rotationAxisAngle", rotation));
    }

    /** A uniform scale. */
    public static Transform3D fromScale(double uniform) {
        return fromScale(uniform, uniform, uniform);
    }

    /** A per-axis scale. */
    public static Transform3D fromScale(double x, double y, double z) {
        return EMPTY.withScale(Vec3D.of(x, y, z));
    }

    /** A general 3x3 linear transform (rotation, scale, shear). */
    public static Transform3D fromMat3x3(Mat3x3 mat3x3) {
        return EMPTY.withMat3x3(Require.nonNull("Transform3D.mat3x3", mat3x3));
    }

    /** Sets or (with null) clears the translation. */
    public Transform3D withTranslation(@Nullable Vec3D translation) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** Sets the translation. */
    public Transform3D withTranslation(double x, double y, double z) {
        return withTranslation(Vec3D.of(x, y, z));
    }

    /** Sets or (with null) clears the axis-angle rotation. */
    public Transform3D withRotationAxisAngle(@Nullable RotationAxisAngle rotationAxisAngle) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** Sets or (with null) clears the quaternion rotation. */
    public Transform3D withQuaternion(@Nullable Quaternion quaternion) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** Sets or (with null) clears the per-axis scale. */
    public Transform3D withScale(@Nullable Vec3D scale) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** Sets a uniform scale. */
    public Transform3D withScale(double uniform) {
        return withScale(Vec3D.of(uniform, uniform, uniform));
    }

    /** Sets or (with null) clears the 3x3 matrix. */
    public Transform3D withMat3x3(@Nullable Mat3x3 mat3x3) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** Sets or (with null) clears the relation. */
    public Transform3D withRelation(@Nullable TransformRelation relation) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** Sets or (with null) clears the child frame id. */
    public Transform3D withChildFrame(@Nullable String childFrame) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** Sets or (with null) clears the parent frame id. */
    public Transform3D withParentFrame(@Nullable String parentFrame) {
        return new Transform3D(translation, rotationAxisAngle, quaternion, scale, mat3x3, relation, childFrame,
                parentFrame);
    }

    /** True if no component is set (logging it writes nothing). */
    public boolean isEmpty() {
        return translation == null && rotationAxisAngle == null && quaternion == null && scale == null
                && mat3x3 == null && relation == null && childFrame == null && parentFrame == null;
    }

    @Override
    public String archetypeName() {
        return "rerun.archetypes.Transform3D";
    }

    /** Only the set fields: {@code Transform3D[translation=(0.0, 0.0, 1.5), quaternion=...]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Transform3D[");
        String sep = "";
        if (translation != null) { sb.append(sep).append("translation=").append(translation); sep = ", "; }
        if (rotationAxisAngle != null) { sb.append(sep).append("rotationAxisAngle=").append(rotationAxisAngle); sep = ", "; }
        if (quaternion != null) { sb.append(sep).append("quaternion=").append(quaternion); sep = ", "; }
        if (scale != null) { sb.append(sep).append("scale=").append(scale); sep = ", "; }
        if (mat3x3 != null) { sb.append(sep).append("mat3x3=").append(mat3x3); sep = ", "; }
        if (relation != null) { sb.append(sep).append("relation=").append(relation); sep = ", "; }
        if (childFrame != null) { sb.append(sep).append("childFrame=").append(childFrame); sep = ", "; }
        if (parentFrame != null) { sb.append(sep).append("parentFrame=").append(parentFrame); }
        return sb.append(']').toString();
    }
}
