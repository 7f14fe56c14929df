package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.Vec3D;

import java.util.Arrays;

/**
 * An immutable 3D affine transform {@code p' = L p + t} in double precision: the upper 3x4 part of a
 * 4x4 matrix whose last row is {@code (0, 0, 0, 1)}. Names read right to left like Rerun's:
 * {@code worldFromCamera.multiply(cameraFromRdf)} is {@code worldFromRdf}.
 *
 * <pre>{@code
 * Affine3 worldFromCam = Affine3.fromTransform3D(Transform3D.fromTranslation(0, 0, 1.5f));
 * worldFromCam.transformPoint(new Vec3(0, 0, 1));      // (0, 0, 2.5)
 * worldFromCam.inverse().transformPoint(Vec3.ZERO);    // (0, 0, -1.5)
 * }</pre>
 */
public final class Affine3 {

    /** The identity transform. */
    public static final Affine3 IDENTITY = new Affine3(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});

    // Row-major 3x4: m[r * 4 + c]; column 3 is the translation.
    private final double[] m;

    private Affine3(double[] rowMajor3x4) {
        this.m = rowMajor3x4;
    }

    /** The identity transform (same as {@link #IDENTITY}). */
    public static Affine3 identity() {
        return IDENTITY;
    }

    /** From the 12 elements of the upper 3x4 part, row by row (each row: 3 linear entries, then translation). */
    public static Affine3 ofRows(double... rowMajor3x4) {
        if (rowMajor3x4.length != 12) {
            throw new IllegalArgumentException("expected 12 elements (3x4 row-major), got " + rowMajor3x4.length);
        }
        return new Affine3(rowMajor3x4.clone());
    }

    /** A pure translation. */
    public static Affine3 translation(double x, double y, double z) {
        return new Affine3(new double[] {1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z});
    }

    /** A linear map given as a 3x3 matrix row by row, no translation. */
    public static Affine3 linear(double m00, double m01, double m02,
                                 double m10, double m11, double m12,
                                 double m20, double m21, double m22) {
        return new Affine3(new double[] {m00, m01, m02, 0, m10, m11, m12, 0, m20, m21, m22, 0});
    }

    /** Per-axis scale. */
    public static Affine3 scale(double sx, double sy, double sz) {
        return linear(sx, 0, 0, 0, sy, 0, 0, 0, sz);
    }

    /** From an SDK matrix (stored column-major; {@code get(row, col)} hides that). */
    public static Affine3 of(Mat3x3 mat) {
        return linear(mat.get(0, 0), mat.get(0, 1), mat.get(0, 2),
                mat.get(1, 0), mat.get(1, 1), mat.get(1, 2),
                mat.get(2, 0), mat.get(2, 1), mat.get(2, 2));
    }

    /** Rotation by a (not necessarily unit) quaternion; normalised first, as the viewer does. */
    public static Affine3 rotation(Quaternion q) {
        double n = q.norm();
        double x = q.x() / n, y = q.y() / n, z = q.z() / n, w = q.w() / n;
        return linear(
                1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
                2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y));
    }

    /** Right-handed rotation about a (not necessarily unit) axis by an angle in radians (Rodrigues). */
    public static Affine3 rotation(RotationAxisAngle r) {
        Vec3D a = r.axis();
        double len = a.length();
        double x = a.x() / len, y = a.y() / len, z = a.z() / len;
        double c = Math.cos(r.angleRadians()), s = Math.sin(r.angleRadians()), k = 1 - c;
        return linear(
                c + x * x * k, x * y * k - z * s, x * z * k + y * s,
                y * x * k + z * s, c + y * y * k, y * z * k - x * s,
                z * x * k - y * s, z * y * k + x * s, c + z * z * k);
    }

    /**
     * The parent-from-child transform a {@link Transform3D} row stands for (rrd-format §4.5): the components
     * present are composed as {@code translation * rotationAxisAngle * quaternion * scale * mat3x3} (absent
     * ones are identity), and the product is inverted when the relation is {@code ChildFromParent}.
     */
    public static Affine3 fromTransform3D(Transform3D t) {
        Affine3 result = IDENTITY;
        if (t.translation() != null) {
            Vec3D v = t.translation();
            result = translation(v.x(), v.y(), v.z());
        }
        if (t.rotationAxisAngle() != null) {
            result = result.multiply(rotation(t.rotationAxisAngle()));
        }
        if (t.quaternion() != null) {
            result = result.multiply(rotation(t.quaternion()));
        }
        if (t.scale() != null) {
            Vec3D s = t.scale();
            result = result.multiply(scale(s.x(), s.y(), s.z()));
        }
        if (t.mat3x3() != null) {
            result = result.multiply(of(t.mat3x3()));
        }
        return t.relation() == TransformRelation.CHILD_FROM_PARENT ? result.inverse() : result;
    }

    /** Element at {@code row} (0..2) and {@code col} (0..3; column 3 is the translation). */
    public double get(int row, int col) {
        if (row < 0 || row > 2 || col < 0 || col > 3) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside 3x4");
        }
        return m[row * 4 + col];
    }

    /** A copy of the 12 elements of the 3x4 part, row-major. */
    public double[] toRowMajor3x4() {
        return m.clone();
    }

    /** {@code this * rhs}: first {@code rhs}, then this. */
    public Affine3 multiply(Affine3 rhs) {
        double[] a = m, b = rhs.m, r = new double[12];
        for (int row = 0; row < 3; row++) {
            double a0 = a[row * 4], a1 = a[row * 4 + 1], a2 = a[row * 4 + 2];
            for (int col = 0; col < 4; col++) {
                r[row * 4 + col] = a0 * b[col] + a1 * b[4 + col] + a2 * b[8 + col];
            }
            r[row * 4 + 3] += a[row * 4 + 3];
        }
        return new Affine3(r);
    }

    /** The inverse transform; throws {@link IllegalStateException} if the linear part is singular. */
    public Affine3 inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], i = m[10];
        double c00 = e * i - f * h, c01 = c * h - b * i, c02 = b * f - c * e;
        double c10 = f * g - d * i, c11 = a * i - c * g, c12 = c * d - a * f;
        double c20 = d * h - e * g, c21 = b * g - a * h, c22 = a * e - b * d;
        double det = a * c00 + b * c10 + c * c20;
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalStateException("singular transform, cannot invert: " + this);
        }
        double s = 1 / det;
        double[] r = {c00 * s, c01 * s, c02 * s, 0, c10 * s, c11 * s, c12 * s, 0, c20 * s, c21 * s, c22 * s, 0};
        double tx = m[3], ty = m[7], tz = m[11];
        for (int row = 0; row < 3; row++) {
            r[row * 4 + 3] = -(r[row * 4] * tx + r[row * 4 + 1] * ty + r[row * 4 + 2] * tz);
        }
        return new Affine3(r);
    }

    /** Applies the full transform to a point. */
    public Vec3 transformPoint(Vec3 p) {
        return new Vec3(
                m[0] * p.x() + m[1] * p.y() + m[2] * p.z() + m[3],
                m[4] * p.x() + m[5] * p.y() + m[6] * p.z() + m[7],
                m[8] * p.x() + m[9] * p.y() + m[10] * p.z() + m[11]);
    }

    /** Applies only the linear part (directions, not positions). */
    public Vec3 transformVector(Vec3 v) {
        return new Vec3(
                m[0] * v.x() + m[1] * v.y() + m[2] * v.z(),
                m[4] * v.x() + m[5] * v.y() + m[6] * v.z(),
                m[8] * v.x() + m[9] * v.y() + m[10] * v.z());
    }

    /**
     * The mean scale of the linear part, {@code (|col0| * |col1| * |col2|)^(1/3)}: 1 for rigid transforms.
     * Rerun multiplies point radii by it (docs/semantics.md §5.4).
     */
    public double averageScale() {
        double c0 = Math.sqrt(m[0] * m[0] + m[4] * m[4] + m[8] * m[8]);
        double c1 = Math.sqrt(m[1] * m[1] + m[5] * m[5] + m[9] * m[9]);
        double c2 = Math.sqrt(m[2] * m[2] + m[6] * m[6] + m[10] * m[10]);
        return Math.cbrt(c0 * c1 * c2);
    }

    /** True if every element differs from {@code o}'s by at most {@code eps}. */
    public boolean isClose(Affine3 o, double eps) {
        for (int k = 0; k < 12; k++) {
            if (!(Math.abs(m[k] - o.m[k]) <= eps)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Affine3 other && Arrays.equals(m, other.m));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    /** Row by row: {@code Affine3[[1.0, 0.0, 0.0 | 0.0], ...]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Affine3[");
        for (int r = 0; r < 3; r++) {
            sb.append(r == 0 ? "[" : ", [").append(m[r * 4]).append(", ").append(m[r * 4 + 1]).append(", ")
                    .append(m[r * 4 + 2]).append(" | ").append(m[r * 4 + 3]).append(']');
        }
        return sb.append(']').toString();
    }
}
