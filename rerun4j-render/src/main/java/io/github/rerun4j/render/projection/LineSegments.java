package io.github.rerun4j.render.projection;

/**
 * Independent straight line segments in world space: segment {@code i} runs from
 * {@code (xyz[6i], xyz[6i+1], xyz[6i+2])} to {@code (xyz[6i+3], xyz[6i+4], xyz[6i+5])}.
 *
 * <pre>{@code
 * LineSegments axis = LineSegments.of(Vec3.ZERO, new Vec3(1, 0, 0));
 * axis.count();   // 1
 * }</pre>
 *
 * @param xyz six floats per segment (the record keeps the array; treat it as read-only)
 */
public record LineSegments(float[] xyz) {

    /** No segments. */
    public static final LineSegments EMPTY = new LineSegments(new float[0]);

    /** Checks that the array holds whole segments. */
    public LineSegments {
        if (xyz.length % 6 != 0) {
            throw new IllegalArgumentException("xyz must hold 6 floats per segment, got " + xyz.length);
        }
    }

    /** From pairs of end points: {@code of(a0, a1, b0, b1, ...)}. */
    public static LineSegments of(Vec3... endPoints) {
        if (endPoints.length % 2 != 0) {
            throw new IllegalArgumentException("end points come in pairs, got " + endPoints.length);
        }
        float[] xyz = new float[endPoints.length * 3];
        for (int i = 0; i < endPoints.length; i++) {
            xyz[3 * i] = (float) endPoints[i].x();
            xyz[3 * i + 1] = (float) endPoints[i].y();
            xyz[3 * i + 2] = (float) endPoints[i].z();
        }
        return new LineSegments(xyz);
    }

    /** Number of segments. */
    public int count() {
        return xyz.length / 6;
    }

    /** Start point of segment {@code i}. */
    public Vec3 start(int i) {
        return new Vec3(xyz[6 * i], xyz[6 * i + 1], xyz[6 * i + 2]);
    }

    /** End point of segment {@code i}. */
    public Vec3 end(int i) {
        return new Vec3(xyz[6 * i + 3], xyz[6 * i + 4], xyz[6 * i + 5]);
    }

    /** All segments of both. */
    public LineSegments concat(LineSegments other) {
        float[] all = java.util.Arrays.copyOf(xyz, xyz.length + other.xyz.length);
        System.arraycopy(other.xyz, 0, all, xyz.length, other.xyz.length);
        return new LineSegments(all);
    }

    @Override
    public String toString() {
        return "LineSegments[" + count() + "]";
    }
}
