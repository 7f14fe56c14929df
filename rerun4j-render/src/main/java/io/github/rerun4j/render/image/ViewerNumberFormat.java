package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.types.ChannelDatatype;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting of the viewer's hover read-outs (§4.5). Rounding always works on the exact binary value
 * with round-half-even on exact ties (like Rust's and Python's formatting; {@code String.format} differs).
 *
 * <pre>{@code
 * ViewerNumberFormat.depth(6.5535);                       // "6.553 m"
 * ViewerNumberFormat.depth(0.5);                          // "500.0 mm"
 * ViewerNumberFormat.integer(-32768);                     // "\u221232\u2009768"
 * ViewerNumberFormat.floatValue(Math.PI, 7);              // "3.141\u2009593"
 * }</pre>
 */
public final class ViewerNumberFormat {

    /** U+2009 THIN SPACE, the thousands separator. */
    public static final char THIN_SPACE = '\u2009';
    /** U+2212 MINUS SIGN, used for negative values in {@code Val:}. */
    public static final char MINUS = '\u2212';

    /** Max significant digits of {@code Val:} for F16, F32 and F64. */
    private static final int PRECISION_F16 = 5;
    private static final int PRECISION_F32 = 7;
    private static final int PRECISION_F64 = 15;
    /** Decimals are grouped too, from the decimal point on, once there are at least this many of them. */
    private static final int MIN_DECIMALS_FOR_GROUPING = 6;

    private ViewerNumberFormat() {
    }

    /**
     * The {@code Depth:} text for a depth in metres: below 1 m {@code "%.1f mm"} of millimetres (negatives
     * included), else {@code "%.3f m"}; NaN gives {@code "NaN m"}, +∞ {@code "inf m"}, −∞ {@code "-inf mm"}.
     * ASCII hyphen-minus here (plain Rust float formatting), unlike {@code Val:}.
     */
    public static String depth(double meters) {
        if (meters < 1.0) {
            return fixed(meters * 1000.0, 1) + " mm";
        }
        return fixed(meters, 3) + " m"; // NaN lands here too (NaN < 1 is false), as in the viewer
    }

    /**
     * Rust-style {@code {:.N}}: exact value rounded half-even to {@code decimals} places; {@code NaN},
     * {@code inf}, {@code -inf}; the sign of negative values (even those rounding to zero, and −0.0) is kept.
     */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        String digits = new BigDecimal(Math.abs(value)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return negative ? "-" + digits : digits;
    }

    /** An integer with thin-space thousands separators and U+2212 for negatives: {@code "−1 234"}. */
    public static String integer(long value) {
        if (value < 0) {
            // unsigned negation also covers Long.MIN_VALUE
            return MINUS + group(Long.toUnsignedString(-value));
        }
        return group(Long.toString(value));
    }

    /** An unsigned 64-bit integer (given as its bit pattern) with thin-space separators. */
    public static String unsignedInteger(long bits) {
        return group(Long.toUnsignedString(bits));
    }

    /**
     * The viewer's float format with {@code precision} digits: NaN → {@code NaN}, ∞ → {@code ∞}, U+2212 for
     * negatives; {@code precision − max(log10|v|, 0)} decimals (truncated), trailing zeros stripped; thin-space
     * grouping of the integer part and, with ≥ 6 decimals, of the decimals from the point on; scientific
     * notation ({@code 1.100000e7}) when the integer part alone has more digits than the precision.
     */
    public static String floatValue(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        String sign = value < 0 ? String.valueOf(MINUS) : ""; // -0.0 is not < 0: printed as "0"
        double abs = Math.abs(value);
        if (abs == Double.POSITIVE_INFINITY) {
            return sign + "\u221E";
        }
        double maxDecimals = precision - Math.max(Math.log10(abs), 0.0);
        if (maxDecimals < 0) {
            return sign + scientific(abs, precision);
        }
        String fixed = new BigDecimal(abs).setScale((int) maxDecimals, RoundingMode.HALF_EVEN).toPlainString();
        int dot = fixed.indexOf('.');
        if (dot < 0) {
            return sign + group(fixed);
        }
        String fraction = stripTrailingZeros(fixed.substring(dot + 1));
        String integerPart = group(fixed.substring(0, dot));
        if (fraction.isEmpty()) {
            return sign + integerPart;
        }
        if (fraction.length() >= MIN_DECIMALS_FOR_GROUPING) {
            fraction = groupFromFront(fraction);
        }
        return sign + integerPart + "." + fraction;
    }

    /**
     * The {@code Val:} text of a raw element: integers via {@link #integer}, floats via {@link #floatValue}
     * with 5/7/15 digits, right-aligned with spaces to the widest value of the type (§4.5).
     *
     * @param rawBits for integer types the exact value ({@code DepthValues.readInteger}); ignored for floats
     * @param value   for float types the value (F16/F32 widened exactly); ignored for integers
     */
    public static String rawValue(ChannelDatatype datatype, long rawBits, double value) {
        String text;
        switch (datatype) {
            case U64: text = unsignedInteger(rawBits); break;
            case F16: text = floatValue(value, PRECISION_F16); break;
            case F32: text = floatValue(value, PRECISION_F32); break;
            case F64: text = floatValue(value, PRECISION_F64); break;
            default: text = integer(rawBits);
        }
        return padLeft(text, valueWidth(datatype));
    }

    /**
     * Column width of {@code Val:}: the length of the type's extreme value as printed ({@code 65 535} → 6,
     * {@code −32 768} → 7, u64 and i64 → 26), 12 for F16/F32 and 22 for F64.
     */
    public static int valueWidth(ChannelDatatype datatype) {
        switch (datatype) {
            case U8: return 3;
            case I8: return 4;
            case U16: return 6;
            case I16: return 7;
            case U32: return 13;
            case I32: return 14;
            case U64: return 26;
            case I64: return 26;
            case F16:
            case F32: return 12;
            case F64: return 22;
            default: throw new IllegalArgumentException("unknown datatype " + datatype);
        }
    }

    /** Pads on the left with spaces to {@code width} characters (UTF-16 chars; all used ones are BMP). */
    static String padLeft(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        return " ".repeat(width - text.length()) + text;
    }

    /** Groups digits in threes from the right: {@code 1234567 → 1 234 567}. */
    static String group(String digits) {
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        int firstGroup = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, Math.min(firstGroup, digits.length()));
        for (int i = firstGroup; i < digits.length(); i += 3) {
            sb.append(THIN_SPACE).append(digits, i, i + 3);
        }
        return sb.toString();
    }

    /** Groups decimals in threes from the decimal point: {@code 1415926 → 141 592 6}. */
    private static String groupFromFront(String decimals) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < decimals.length(); i += 3) {
            if (i > 0) {
                sb.append(THIN_SPACE);
            }
            sb.append(decimals, i, Math.min(i + 3, decimals.length()));
        }
        return sb.toString();
    }

    private static String stripTrailingZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Rust {@code {:.(p-1)e}}: {@code p} significant digits, exponent without sign padding ({@code 1.100000e7}). */
    private static String scientific(double abs, int precision) {
        BigDecimal rounded = new BigDecimal(abs).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        StringBuilder mantissa = new StringBuilder(digits);
        while (mantissa.length() < precision) {
            mantissa.append('0');
        }
        mantissa.setLength(precision);
        if (precision > 1) {
            mantissa.insert(1, '.');
        }
        return mantissa + "e" + exponent;
    }
}
