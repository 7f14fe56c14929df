package io.github.rerun4j.io.tum;

import io.github.rerun4j.io.FileFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TUM RGB-D list file ({@code rgb.txt}, {@code depth.txt}, {@code groundtruth.txt}): lines of a timestamp
 * (seconds since the epoch, decimal) and fields separated by spaces; {@code #} lines are comments.
 */
final class TumList {

    /** One line: the timestamp exactly in nanoseconds, as seconds for association, and the other fields. */
    record Line(long nanos, double seconds, List<String> fields, int lineNumber) {
    }

    private TumList() {
    }

    static List<Line> read(Path file, int fields) throws IOException {
        List<Line> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.replace(',', ' ').split("\\s+");
            String where = "line " + (i + 1);
            if (parts.length != fields + 1) {
                throw new FileFormatException(file, where, "expected a timestamp and " + fields + " field(s), found \""
                        + line + "\"");
            }
            long nanos;
            try {
                nanos = new BigDecimal(parts[0]).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN)
                        .longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new FileFormatException(file, where, "expected a timestamp in seconds, found \"" + parts[0] + "\"");
            }
            out.add(new Line(nanos, Double.parseDouble(parts[0]), List.copyOf(Arrays.asList(parts).subList(1, parts.length)),
                    i + 1));
        }
        return out;
    }
}
