package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rerun4j dataframe on the official snippets, against docs/semantics.md §6 and §8.4. */
class DataframeCommandTest {

    private static final String BUFFER = "[255, 255, 255, 255, 255, 255, \u2026]";
    private static final String FORMAT = "L U16 300\u00D7200";
    private static final String METER = "10\u2009000";

    @TempDir
    static Path dir;

    static Path simple;
    static Path threeD;

    @BeforeAll
    static void writeDemo() {
        simple = TestFiles.simple(dir);
        threeD = TestFiles.threeD(dir);
    }

    @Test
    void textTableOfDepthImage3dOnLogTime() {
        // By default the timeline Rerun opens: log_time beats log_tick.
        CliRun byDefault = CliRun.of("dataframe", threeD.toString());
        assertThat(byDefault.exitCode()).isZero();
        assertThat(byDefault.out().split("\\R")[0].split(" {2,}")[1]).isEqualTo("log_time");

        CliRun run = CliRun.of("dataframe", threeD.toString(), "--timeline", "log_tick");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0].split(" {2,}")).containsExactly("entity", "log_tick", "Pinhole:image_from_camera",
                "Pinhole:resolution", "DepthImage:buffer", "DepthImage:colormap", "DepthImage:format", "DepthImage:meter");
        assertThat(lines[1].split(" {2,}")).containsExactly("/world/camera", "0", "[200, 0, 0, 0, 200, 0, \u2026]",
                "[300, 200]", "-", "-", "-", "-");
        assertThat(lines[2].split(" {2,}")).containsExactly("/world/camera/depth", "1", "-", "-", BUFFER, "Viridis", FORMAT, METER);
        // Aligned: every column starts at the same character in every line.
        assertThat(lines[1].indexOf("[300")).isEqualTo(lines[0].indexOf("Pinhole:resolution"));
        assertThat(lines[2].indexOf("Viridis")).isEqualTo(lines[0].indexOf("DepthImage:colormap"));
    }

    @Test
    void rawGivesPlainNumbersInEveryFormat() {
        CliRun text = CliRun.of("dataframe", threeD.toString(), "--timeline", "log_tick", "--raw");
        CliRun csv = CliRun.of("dataframe", threeD.toString(), "--timeline", "log_tick", "--raw", "--format", "csv");
        CliRun json = CliRun.of("dataframe", threeD.toString(), "--timeline", "log_tick", "--raw", "--format", "json");

        for (CliRun run : new CliRun[] {text, csv, json}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).doesNotContain("\u2009").doesNotContain("\u2212");
        }
        String[] lines = text.out().split("\\R");
        assertThat(lines[1].split(" {2,}")).containsExactly("/world/camera", "0", "[200.0, 0.0, 0.0, 0.0, 200.0, 0.0, \u2026]",
                "[300.0, 200.0]", "-", "-", "-", "-");
        assertThat(lines[2].split(" {2,}")).containsExactly("/world/camera/depth", "1", "-", "-", BUFFER, "Viridis", FORMAT, "10000.0");
        assertThat(csv.out().split("\r\n")[2]).endsWith(",Viridis," + FORMAT + ",10000.0");
        assertThat(json.out()).contains("\"10000.0\"").contains("\"[300.0, 200.0]\"");
    }

    @Test
    void csvOfDepthImageSimpleOnLogTime() {
        CliRun run = CliRun.of("dataframe", simple.toString(), "--timeline", "log_time", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("entity,log_time,DepthImage:buffer,DepthImage:format,DepthImage:meter");
        assertThat(lines[1]).matches("/depth,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z,\"\\Q" + BUFFER + "\\E\","
                + FORMAT + "," + METER);
    }

    @Test
    void jsonWithEntityFilter() {
        CliRun run = CliRun.of("dataframe", threeD.toString(), "--entity", "world/camera/depth", "--timeline", "log_tick",
                "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"timeline\": \"log_tick\",\n  \"timeline_type\": \"sequence\",\n  \"total_rows\": 1,")
                .contains("\"entity\": \"/world/camera/depth\"", "\"time\": \"1\"", "\"" + FORMAT + "\"", "\"Viridis\"")
                .doesNotContain("Pinhole");
        // A prefix of whole parts: world selects both entities.
        CliRun world = CliRun.of("dataframe", threeD.toString(), "--entity", "/world", "--format", "json");
        assertThat(world.out()).contains("\"total_rows\": 2,");
    }

    @Test
    void unknownTimelineOrEntityIsAUsageErrorListingWhatExists() {
        CliRun timeline = CliRun.of("dataframe", threeD.toString(), "--timeline", "frame");
        assertThat(timeline.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(timeline.err()).contains("no timeline frame").contains("log_tick, log_time");
        assertThat(timeline.out()).isEmpty();

        CliRun entity = CliRun.of("dataframe", threeD.toString(), "--entity", "world/cam");
        assertThat(entity.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(entity.err()).contains("no entity world/cam").contains("/world/camera, /world/camera/depth");

        CliRun format = CliRun.of("dataframe", threeD.toString(), "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);

        CliRun missing = CliRun.of("dataframe", dir.resolve("nope.rrd").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void damagedFilesExitOne() throws IOException {
        Path notRrd = Files.writeString(dir.resolve("not.rrd"), "hello, this is not a recording");
        CliRun garbage = CliRun.of("dataframe", notRrd.toString());
        assertThat(garbage.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(garbage.err()).startsWith("rerun4j: ");

        // Cut in the middle of the depth image's message: the pinhole row is still shown.
        byte[] all = Files.readAllBytes(TestFiles.threeDUnfinished(dir));
        Path cut = Files.write(dir.resolve("cut.rrd"), Arrays.copyOf(all, all.length - 1000));
        CliRun partial = CliRun.of("dataframe", cut.toString());
        assertThat(partial.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(partial.out()).contains("/world/camera ").doesNotContain("/world/camera/depth");
        assertThat(partial.err()).contains("damaged");
    }

    @Test
    void listedInTheRootHelp() {
        assertThat(CliRun.of("--help").out()).contains("dataframe");
    }
}
