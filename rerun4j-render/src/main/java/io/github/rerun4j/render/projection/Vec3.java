package io.github.rerun4j.render.projection;

/**
 * An immutable 3D vector in double precision, used for geometry that is computed once per frame
 * (camera placement, frustum corners, bounds), never per point.
 *
 * <pre>{@code
 * Vec3 a = new Vec3(1, 0, 0);
 * a.cross(new Vec3(0, 1, 0));   // (0, 0, 1)
 * }</pre>
 *
 * @param x x
 * @param y y
 * @param z z
 */
public record Vec3(double x, double y, double z) {

    /** (0, 0, 0). */
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    /** {@code this + o}. */
    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    /** {@code this - o}. */
    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    /** {@code this * s}. */
    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    /** Dot product. */
    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** Cross product {@code this x o}. */
    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    /** Euclidean length. */
    public double length() {
        return Math.sqrt(dot(this));
    }

    /** This vector scaled to length 1; the zero vector stays zero (callers check {@link #length()}). */
    public Vec3 normalized() {
        double len = length();
        return len == 0 ? this : times(1 / len);
    }

    /** True if all components are finite. */
    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ", " + z + ")";
    }
}
