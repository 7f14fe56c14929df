package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

/**
 * A rotation about an axis ({@code rerun.components.RotationAxisAngle}); the axis need not be normalised
 * but must be non-zero, the angle is in radians.
 *
 * <pre>{@code
 * RotationAxisAngle r = RotationAxisAngle.ofDegrees(Vec3D.of(0, 0, 1), 90);
 * }</pre>
 *
 * @param axis          non-null, non-zero
 * @param angleRadians  finite
 */
public record RotationAxisAngle(Vec3D axis, float angleRadians) {

    /** Validates the axis and angle. */
    public RotationAxisAngle {
        Require.nonNull("RotationAxisAngle.axis", axis);
        if (axis.isZero()) {
            throw new InvalidArgumentException("RotationAxisAngle.axis", axis.toString(), "a non-zero axis");
        }
        Require.finite("RotationAxisAngle.angleRadians", angleRadians);
    }

    /** Angle given in radians. */
    public static RotationAxisAngle ofRadians(Vec3D axis, double angleRadians) {
        return new RotationAxisAngle(axis, Require.toFiniteFloat("RotationAxisAngle.angleRadians", angleRadians));
    }

    /** Angle given in degrees. */
    public static RotationAxisAngle ofDegrees(Vec3D axis, double angleDegrees) {
        Require.finite("RotationAxisAngle.angleDegrees", angleDegrees);
        return ofRadians(axis, Math.toRadians(angleDegrees));
    }

    /** The angle in degrees. */
    public double angleDegrees() {
        return Math.toDegrees(angleRadians);
    }

    @Override
    public String toString() {
        return "RotationAxisAngle[axis=" + axis + ", angle=" + angleRadians + " rad]";
    }
}
