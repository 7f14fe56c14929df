package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

/**
 * A rotation quaternion, stored {@code x, y, z, w} ({@code rerun.components.RotationQuat}). Components must
 * be finite and not all zero; the viewer normalises, so it need not be a unit quaternion.
 *
 * <pre>{@code
 * Quaternion q = Quaternion.IDENTITY;                 // (0, 0, 0, 1)
 * Quaternion r = Quaternion.fromXyzw(0, 0, 0.7071f, 0.7071f);
 * }</pre>
 *
 * @param x vector part x
 * @param y vector part y
 * @param z vector part z
 * @param w scalar part
 */
public record Quaternion(float x, float y, float z, float w) {

    /** No rotation: (0, 0, 0, 1). */
    public static final Quaternion IDENTITY = new Quaternion(0, 0, 0, 1);

    /** Validates finiteness and a non-zero norm. */
    public Quaternion {
        Require.finite("Quaternion.x", x);
        Require.finite("Quaternion.y", y);
        Require.finite("Quaternion.z", z);
        Require.finite("Quaternion.w", w);
        if (x == 0 && y == 0 && z == 0 && w == 0) {
            throw new InvalidArgumentException("Quaternion", "(0.0, 0.0, 0.0, 0.0)",
                    "a non-zero quaternion (e.g. Quaternion.IDENTITY = (0, 0, 0, 1))");
        }
    }

    /** In Rerun's storage order {@code x, y, z, w}. */
    public static Quaternion fromXyzw(double x, double y, double z, double w) {
        return new Quaternion(Require.toFiniteFloat("Quaternion.x", x), Require.toFiniteFloat("Quaternion.y", y),
                Require.toFiniteFloat("Quaternion.z", z), Require.toFiniteFloat("Quaternion.w", w));
    }

    /** In scalar-first order {@code w, x, y, z} (as e.g. Eigen's constructor and ROS tf use). */
    public static Quaternion fromWxyz(double w, double x, double y, double z) {
        return fromXyzw(x, y, z, w);
    }

    /** Euclidean norm. */
    public double norm() {
        return Math.sqrt((double) x * x + (double) y * y + (double) z * z + (double) w * w);
    }

    @Override
    public String toString() {
        return "Quaternion[x=" + x + ", y=" + y + ", z=" + z + ", w=" + w + "]";
    }
}
