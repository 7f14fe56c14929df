package io.github.rerun4j.render.dataframe;

import io.github.rerun4j.render.image.ViewerNumberFormat;

/**
 * How a dataframe cell writes numbers: as Rerun's viewer shows them (thin-space grouping, U+2212 minus, floats
 * cut to the viewer's precision), or raw for scripts (plain digits, ASCII minus, every float digit that tells
 * the value apart). Everything that is not a number (lists' brackets and ellipsis, enum names, image formats)
 * is the same in both.
 *
 * <pre>{@code
 * NumberStyle.VIEWER.integer(-12345);           // "−12 345" (U+2212, U+2009)
 * NumberStyle.RAW.integer(-12345);              // "-12345"
 * NumberStyle.RAW.floating(1.0 / 3, Precision.F32); // "0.33333334"
 * }</pre>
 */
public enum NumberStyle {

    /** The viewer's text ({@link ViewerNumberFormat}), as the dataframe view shows it. */
    VIEWER {
        @Override
        public String integer(long value) {
            return ViewerNumberFormat.integer(value);
        }

        @Override
        public String unsignedInteger(long bits) {
            return ViewerNumberFormat.unsignedInteger(bits);
        }

        @Override
        public String floating(double value, Precision precision) {
            return ViewerNumberFormat.floatValue(value, precision.viewerDigits);
        }
    },

    /** Plain numbers that parse back to the same value: {@code 10000}, {@code -3}, {@code 0.1}, {@code NaN}, {@code Infinity}. */
    RAW {
        @Override
        public String integer(long value) {
            return Long.toString(value);
        }

        @Override
        public String unsignedInteger(long bits) {
            return Long.toUnsignedString(bits);
        }

        @Override
        public String floating(double value, Precision precision) {
            // Shortest text that reads back to the same float of the column's width.
            return precision == Precision.F64 ? Double.toString(value) : Float.toString((float) value);
        }
    };

    /** The width of a floating-point column, and the significant digits the viewer shows for it. */
    public enum Precision {
        F16(5), F32(7), F64(15);

        final int viewerDigits;

        Precision(int viewerDigits) {
            this.viewerDigits = viewerDigits;
        }
    }

    /** A signed integer. */
    public abstract String integer(long value);

    /** An unsigned 64-bit integer given as its bit pattern. */
    public abstract String unsignedInteger(long bits);

    /** A floating-point value of a column of {@code precision} (F16 and F32 values widened exactly). */
    public abstract String floating(double value, Precision precision);
}
