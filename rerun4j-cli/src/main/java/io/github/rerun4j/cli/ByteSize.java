package io.github.rerun4j.cli;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size given on the command line, as Rerun writes them: {@code 0}, {@code 512MiB}, {@code 1GiB}, {@code 2GB}. */
final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*([kmgt]i?b|b)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> UNITS = Map.of(
            "b", 1L, "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L, "tb", 1_000_000_000_000L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40);

    private ByteSize() {
    }

    /** Bytes, or a usage error naming {@code option} and the forms accepted. */
    static long parse(String option, String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        String expected = "expected a size such as 0, 512MiB, 1GiB or 2GB";
        if (!m.matches()) {
            throw CliException.usage("invalid " + option + " " + text + ": " + expected);
        }
        long unit = m.group(2) == null ? 1 : UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw CliException.usage("invalid " + option + " " + text + ": too large; " + expected, e);
        }
    }
}
