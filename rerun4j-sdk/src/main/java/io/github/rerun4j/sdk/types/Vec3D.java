package io.github.rerun4j.sdk.types;

/**
 * A finite 3D vector ({@code rerun.datatypes.Vec3D}): translations, scales, rotation axes.
 *
 * <pre>{@code
 * Vec3D t = Vec3D.of(1, 2, 3);
 * Vec3D.ZERO.isZero();  // true
 * }</pre>
 *
 * @param x finite
 * @param y finite
 * @param z finite
 */
public record Vec3D(float x, float y, float z) {

    /** (0, 0, 0). */
    public static final Vec3D ZERO = new Vec3D(0, 0, 0);
    /** (1, 1, 1). */
    public static final Vec3D ONE = new Vec3D(1, 1, 1);

    /** Validates finiteness. */
    public Vec3D {
        Require.finite("Vec3D.x", x);
        Require.finite("Vec3D.y", y);
        Require.finite("Vec3D.z", z);
    }

    /** Same as the constructor. */
    public static Vec3D of(double x, double y, double z) {
        return new Vec3D(Require.toFiniteFloat("Vec3D.x", x), Require.toFiniteFloat("Vec3D.y", y),
                Require.toFiniteFloat("Vec3D.z", z));
    }

    /** True if all three components are zero. */
    public boolean isZero() {
        return x == 0 && y == 0 && z == 0;
    }

    /** Euclidean length. */
    public double length() {
        return Math.sqrt((double) x * x + (double) y * y + (double) z * z);
    }

    /** {x, y, z}. */
    public float[] toArray() {
        return new float[] {x, y, z};
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ", " + z + ")";
    }
}
