package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

import java.util.Arrays;

/**
 * An immutable 3x3 float matrix stored column-major, as Rerun stores {@code PinholeProjection} and
 * {@code TransformMat3x3}: {@code columnMajor[col * 3 + row]}.
 *
 * <pre>{@code
 * Mat3x3 k = Mat3x3.fromRows(
 *         200, 0, 150,
 *         0, 200, 100,
 *         0, 0, 1);
 * k.get(0, 2);          // 150 (row 0, column 2)
 * k.columnMajor();      // {200, 0, 0, 0, 200, 0, 150, 100, 1}
 * }</pre>
 *
 * @param columnMajor the nine elements, column by column (copied in and out)
 */
public record Mat3x3(float[] columnMajor) {

    /** The identity matrix. */
    public static final Mat3x3 IDENTITY = fromRows(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /** Copies and checks the array (nine elements; non-finite values are allowed here, see {@link #isFinite}). */
    public Mat3x3 {
        Require.nonNull("Mat3x3.columnMajor", columnMajor);
        if (columnMajor.length != 9) {
            throw new InvalidArgumentException("Mat3x3.columnMajor", columnMajor.length + " elements",
                    "exactly 9 elements (column-major 3x3)");
        }
        columnMajor = columnMajor.clone();
    }

    /** From nine elements given row by row (the way a matrix is written on paper). */
    public static Mat3x3 fromRows(double m00, double m01, double m02,
                                  double m10, double m11, double m12,
                                  double m20, double m21, double m22) {
        return fromColumns(m00, m10, m20, m01, m11, m21, m02, m12, m22);
    }

    /** From nine elements given column by column (Rerun's storage order). */
    public static Mat3x3 fromColumns(double c0r0, double c0r1, double c0r2,
                                     double c1r0, double c1r1, double c1r2,
                                     double c2r0, double c2r1, double c2r2) {
        double[] in = {c0r0, c0r1, c0r2, c1r0, c1r1, c1r2, c2r0, c2r1, c2r2};
        float[] m = new float[9];
        for (int i = 0; i < 9; i++) {
            m[i] = Require.toFloat("Mat3x3[" + i % 3 + "][" + i / 3 + "]", in[i]);
        }
        return new Mat3x3(m);
    }

    /** A diagonal matrix. */
    public static Mat3x3 diagonal(double d0, double d1, double d2) {
        return fromRows(d0, 0, 0, 0, d1, 0, 0, 0, d2);
    }

    /** A copy of the elements, column-major. */
    @Override
    public float[] columnMajor() {
        return columnMajor.clone();
    }

    /** A copy of the elements, row-major. */
    public float[] rowMajor() {
        float[] out = new float[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r * 3 + c] = get(r, c);
            }
        }
        return out;
    }

    /** Element at {@code row}, {@code col} (both 0..2). */
    public float get(int row, int col) {
        if (row < 0 || row > 2 || col < 0 || col > 2) {
            throw new InvalidArgumentException("Mat3x3.index", "(" + row + ", " + col + ")",
                    "row and column in 0..2");
        }
        return columnMajor[col * 3 + row];
    }

    /** A copy with one element replaced. */
    public Mat3x3 with(int row, int col, double value) {
        get(row, col);
        float[] m = columnMajor.clone();
        m[col * 3 + row] = Require.toFloat("Mat3x3[" + row + "][" + col + "]", value);
        return new Mat3x3(m);
    }

    /** True if no element is NaN or infinite. */
    public boolean isFinite() {
        for (float v : columnMajor) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The determinant, computed in double precision. */
    public double determinant() {
        double a = get(0, 0), b = get(0, 1), c = get(0, 2);
        double d = get(1, 0), e = get(1, 1), f = get(1, 2);
        double g = get(2, 0), h = get(2, 1), i = get(2, 2);
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Mat3x3 other && Arrays.equals(columnMajor, other.columnMajor));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(columnMajor);
    }

    /** Row by row: {@code Mat3x3[[200.0, 0.0, 150.0], [0.0, 200.0, 100.0], [0.0, 0.0, 1.0]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Mat3x3[");
        for (int r = 0; r < 3; r++) {
            sb.append(r == 0 ? "[" : ", [").append(get(r, 0)).append(", ").append(get(r, 1)).append(", ")
                    .append(get(r, 2)).append(']');
        }
        return sb.append(']').toString();
    }
}
