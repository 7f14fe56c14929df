package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each semantic rule has one home (issue 10 item 13): the copies that had drifted apart must not come back.
 * Scans the main sources of the modules above the SDK (this module sits at the top, so the repository is
 * its parent directory).
 *
 * <ul>
 *   <li>depth-image fallbacks (colormap, filter, fill ratio, draw order): {@code EffectiveDepthImage};</li>
 *   <li>the default timeline: {@code ChunkStore.defaultTimeline};</li>
 *   <li>pixel to camera ray (division by a focal length): render's {@code projection} and {@code raster3d};</li>
 *   <li>the data times of a timeline: {@code ChunkStore.dataTimes}.</li>
 * </ul>
 */
class SingleHomesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void depthImageFallbacksLiveInEffectiveDepthImage() {
        assertThat(matches(Pattern.compile("\\b(colormap|drawOrder|pointFillRatio|magnificationFilter)\\(\\)\\s*!=\\s*null\\s*\\?"),
                "rerun4j-render", "rerun4j-viewer", "rerun4j-cli"))
                .allMatch(hit -> hit.contains("EffectiveDepthImage.java"));
    }

    @Test
    void theDefaultTimelineRuleLivesInTheStore() {
        assertThat(matches(Pattern.compile("containsKey\\(\"log_tick\"\\)|includes\\('log_tick'\\)|=== 'log_tick'|\\? [\"']log_tick[\"']"),
                "rerun4j-store", "rerun4j-render", "rerun4j-viewer", "rerun4j-cli"))
                .isEmpty();
        assertThat(matches(Pattern.compile("message_log_time"), "rerun4j-store", "rerun4j-render", "rerun4j-viewer",
                "rerun4j-cli"))
                .isNotEmpty().allMatch(hit -> hit.contains("ChunkStore.java"));
    }

    @Test
    void pixelBackProjectionLivesInRender() {
        assertThat(matches(Pattern.compile("/\\s*\\(?\\s*(\\w+\\.)*focalLength[XY]\\(\\)"), "rerun4j-viewer", "rerun4j-cli",
                "rerun4j-store")).isEmpty();
    }

    @Test
    void dataTimesLiveInTheStore() {
        assertThat(matches(Pattern.compile("class DataTimes|record DataTimes"), "rerun4j-render", "rerun4j-viewer",
                "rerun4j-cli", "rerun4j-store"))
                .singleElement().asString().contains("rerun4j-store");
    }

    /** "path:line: text" of every main-source line (Java and the page's JS) matching {@code pattern}. */
    private static List<String> matches(Pattern pattern, String... modules) {
        List<String> hits = new ArrayList<>();
        for (String module : modules) {
            Path main = ROOT.resolve(module).resolve("src/main");
            assertThat(main).as("sources of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".js")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (pattern.matcher(lines.get(i)).find()) {
                            hits.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hits;
    }
}
