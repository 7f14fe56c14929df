package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintCommandTest {

    @TempDir
    Path tmp;

    @Test
    void simpleDemoShowsStoreEntityAndTheBufferComponentWithItsArrowType() {
        Path file = TestFiles.simple(tmp);

        CliRun run = CliRun.of("print", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Recording rerun_example_depth_image_simple")
                .contains("application id: rerun_example_depth_image_simple")
                .contains("source:         other \"rerun4j\"")
                .contains("version:        0.33.0")
                .contains("/depth: 1 chunk, 1 row")
                .containsPattern("DepthImage:buffer +\\(rerun.archetypes.DepthImage, rerun.components.ImageBuffer\\) +List<item: non-null UInt8>")
                .contains("Messages:     3 (1 SetStoreInfo, 1 ArrowMsg, 0 BlueprintActivation, 1 End)")
                .contains("ArrowMsg payloads 1 uncompressed");
    }

    @Test
    void threeDDemoShowsBothEntitiesAndLogTickFromZeroToOne() {
        Path file = TestFiles.threeD(tmp);

        CliRun run = CliRun.of("print", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("application id: rerun_example_depth_image_3d")
                .contains("/world/camera: 1 chunk, 1 row")
                .contains("/world/camera/depth: 1 chunk, 1 row")
                .containsPattern("log_tick +sequence +0 \\.\\. 1")
                // log_time is wall-clock: shown as ISO instants.
                .containsPattern("log_time +timestamp +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:[\\d.]+Z \\.\\. \\d{4}-")
                .contains("Pinhole:image_from_camera")
                .contains("Totals:       1 store, 2 entities, 2 chunks, 2 rows");
        assertThat(run.out()).doesNotContain("Chunks:");
    }

    @Test
    void verboseListsEveryChunkWithTheDecodedFirstRow() {
        Path file = TestFiles.threeD(tmp);

        CliRun run = CliRun.of("print", "--verbose", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Chunks:")
                .containsPattern("byte \\d+: chunk \\S+  /world/camera  1 row  log_tick 0, log_time ")
                .containsPattern("byte \\d+: chunk \\S+  /world/camera/depth  1 row  log_tick 1, ")
                .contains("first row: DepthImage[format=L U16 300x200, meter=10000.0, colormap=Viridis")
                .contains("first row: Pinhole[");
    }

    @Test
    void verboseWorksBeforeTheSubcommandToo() {
        Path file = TestFiles.threeD(tmp);

        assertThat(CliRun.of("--verbose", "print", file.toString()).out()).contains("Chunks:");
    }

    @Test
    void jsonIsOneObjectWithTheSameFacts() {
        Path file = TestFiles.threeD(tmp);

        CliRun run = CliRun.of("print", "--json", file.toString());

        assertThat(run.exitCode()).isZero();
        String json = run.out().strip();
        assertThat(json).startsWith("{").endsWith("}");
        assertThat(json)
                .containsPattern("\"application_id\": \"rerun_example_depth_image_3d\"")
                .containsPattern("\"path\": \"/world/camera\"")
                .containsPattern("\"path\": \"/world/camera/depth\"")
                .containsPattern("\"component\": \"DepthImage:buffer\",\\s*\"archetype\": \"rerun.archetypes.DepthImage\",\\s*"
                        + "\"component_type\": \"rerun.components.ImageBuffer\",\\s*\"arrow_type\": \"List<item: non-null UInt8>\"")
                .containsPattern("\"name\": \"log_tick\",\\s*\"type\": \"sequence\",\\s*\"min\": 0,\\s*\"max\": 1")
                .containsPattern("\"chunk_count\": 2")
                .containsPattern("\"row_count\": 2")
                .containsPattern("\"ok\": true")
                .containsPattern("\"problems\": \\[\\]");
        assertBalanced(json);
    }

    @Test
    void jsonVerboseAddsTheChunkList() {
        Path file = TestFiles.threeD(tmp);

        String json = CliRun.of("print", "--json", "--verbose", file.toString()).out();

        assertThat(json).containsPattern("\"chunks\": \\[\\s*\\{\\s*\"offset\": \\d+")
                .contains("DepthImage[format=L U16 300x200");
        assertBalanced(json);
    }

    @Test
    void referenceFileFromRerunShowsLz4AndTheStaticPointCloud() throws IOException {
        Path file = TestFiles.reference(tmp);

        CliRun run = CliRun.of("print", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("LZ4 flag on").contains("ArrowMsg payloads 1 LZ4")
                .contains("1 End").contains("(1 static)").contains("Points3D:positions")
                .contains("timelines:      none (static data only)");
    }

    @Test
    void randomBytesExitWithTheReadersMessage() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path file = Files.write(tmp.resolve("noise.rrd"), noise);

        CliRun run = CliRun.of("print", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith(file + ": byte 0: stream header at byte 0: expected FourCC RRF2");
    }

    @Test
    void randomBytesAsJsonStillGiveAnObjectWithTheProblem() throws IOException {
        Path file = Files.write(tmp.resolve("noise.rrd"), "definitely not rerun".getBytes());

        CliRun run = CliRun.of("print", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.out()).contains("\"ok\": false").containsPattern("\"problems\": \\[\\s*\\{\\s*\"offset\": 0,");
    }

    @Test
    void missingFileIsAUsageError() {
        CliRun run = CliRun.of("print", tmp.resolve("nope.rrd").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("rerun4j: no such file: " + tmp.resolve("nope.rrd") + System.lineSeparator());
    }

    /** A cheap well-formedness check: brackets balance outside strings. */
    private static void assertBalanced(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                assertThat(depth).as("closing bracket at %d", i).isNotNegative();
            }
        }
        assertThat(inString).isFalse();
        assertThat(depth).isZero();
        assertThat(Pattern.compile(",\\s*[}\\]]").matcher(json).find()).as("trailing comma").isFalse();
    }
}
