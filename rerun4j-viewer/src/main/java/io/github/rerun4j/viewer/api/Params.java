package io.github.rerun4j.viewer.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The API's parameter syntax, strictly: integers are ASCII decimal digits with an optional leading minus
 * (no {@code +}, no spaces, no other scripts' digits, which {@link Long#parseLong} would take), and a query
 * string must be well-formed percent-encoded UTF-8, so that no malformed request is quietly read as another.
 *
 * <pre>{@code
 * Params.parseLong("time", "42", "a 64-bit integer");   // 42
 * Params.parseLong("time", "+42", "a 64-bit integer");  // BadRequest 400: invalid time '+42': expected ...
 * }</pre>
 */
final class Params {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private Params() {
    }

    /** {@code value} as a 64-bit integer, else 400 naming {@code name}, the value and {@code expected}. */
    static long parseLong(String name, String value, String expected) {
        if (value == null || !INTEGER.matcher(value).matches()) {
            throw BadRequest.invalid(name, value, expected);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            throw BadRequest.invalid(name, value, expected);
        }
    }

    /** {@code value} as a 32-bit integer, else 400. */
    static int parseInt(String name, String value, String expected) {
        long parsed = parseLong(name, value, expected);
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw BadRequest.invalid(name, value, expected);
        }
        return (int) parsed;
    }

    /**
     * Checks a raw query string ({@code a=1&b=%2Fx}): every {@code %} starts two hex digits and the bytes are
     * UTF-8. Else 400 naming the parameter and its raw value.
     */
    static void checkEncoding(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String name = decode(rawName);
            if (name == null) {
                throw BadRequest.invalid("parameter name", rawName, "percent-encoded UTF-8 (% followed by two hex digits)");
            }
            if (decode(rawValue) == null) {
                throw BadRequest.invalid(name, rawValue, "percent-encoded UTF-8 (% followed by two hex digits)");
            }
        }
    }

    /** The decoded text, or null if the escapes or the UTF-8 are broken. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0 || raw.charAt(i + 1) > 0x7f || raw.charAt(i + 2) > 0x7f) {
                    return null;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
