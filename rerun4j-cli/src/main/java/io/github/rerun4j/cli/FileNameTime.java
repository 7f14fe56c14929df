package io.github.rerun4j.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time in a file's name, for {@code import --pair timestamp}: the last number of the name without its
 * extension, in seconds ({@code 1305031102.175304.png}, {@code depth_1694012345.250.png}), exactly, as
 * nanoseconds.
 */
final class FileNameTime {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private FileNameTime() {
    }

    static OptionalLong nanos(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Matcher m = NUMBER.matcher(stem);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(new BigDecimal(last).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }
}
