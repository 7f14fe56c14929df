package io.github.rerun4j.render.projection;

/**
 * An immutable axis-aligned bounding box; {@link #EMPTY} contains nothing (min = +inf, max = -inf).
 *
 * <pre>{@code
 * Bounds b = Bounds.EMPTY.including(new Vec3(0, 0, 0)).including(new Vec3(1, 2, 2));
 * b.diagonal();   // 3.0
 * }</pre>
 *
 * @param min smallest corner
 * @param max largest corner
 */
public record Bounds(Vec3 min, Vec3 max) {

    /** The empty box. */
    public static final Bounds EMPTY = new Bounds(
            new Vec3(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
            new Vec3(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));

    /** The smallest box holding all {@code count} points of an interleaved {@code xyz} array. */
    public static Bounds of(float[] xyz, int count) {
        double x0 = Double.POSITIVE_INFINITY, y0 = x0, z0 = x0;
        double x1 = Double.NEGATIVE_INFINITY, y1 = x1, z1 = x1;
        for (int i = 0, k = 0; i < count; i++, k += 3) {
            float x = xyz[k], y = xyz[k + 1], z = xyz[k + 2];
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
            if (z < z0) z0 = z;
            if (z > z1) z1 = z;
        }
        return new Bounds(new Vec3(x0, y0, z0), new Vec3(x1, y1, z1));
    }

    /** True if the box holds no point. */
    public boolean isEmpty() {
        return !(min.x() <= max.x() && min.y() <= max.y() && min.z() <= max.z());
    }

    /** This box grown to hold {@code p}. */
    public Bounds including(Vec3 p) {
        return new Bounds(
                new Vec3(Math.min(min.x(), p.x()), Math.min(min.y(), p.y()), Math.min(min.z(), p.z())),
                new Vec3(Math.max(max.x(), p.x()), Math.max(max.y(), p.y()), Math.max(max.z(), p.z())));
    }

    /** The union of both boxes. */
    public Bounds union(Bounds o) {
        return o.isEmpty() ? this : including(o.min).including(o.max);
    }

    /** Centre point (NaN components for the empty box). */
    public Vec3 center() {
        return min.plus(max).times(0.5);
    }

    /** Half of the size along each axis. */
    public Vec3 halfSize() {
        return max.minus(min).times(0.5);
    }

    /** Length of the diagonal; 0 for a single point, NaN or infinite for the empty box. */
    public double diagonal() {
        return max.minus(min).length();
    }
}
