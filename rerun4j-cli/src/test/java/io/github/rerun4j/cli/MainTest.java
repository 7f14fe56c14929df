package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void unknownOptionIsAUsageErrorWithTheUsageMessage() {
        CliRun run = CliRun.of("verify", "--frobnicate", "x.rrd");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("rerun4j: Unknown option: '--frobnicate'").contains("Usage: rerun4j verify");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRun run = CliRun.of("vrify", "x.rrd");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Usage: rerun4j");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        CliRun run = CliRun.of("print");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'").contains("Usage: rerun4j print");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing subcommand").contains("Usage: rerun4j");
    }

    @Test
    void versionAndHelpGoToStdoutWithExit0() {
        CliRun version = CliRun.of("--version");
        CliRun help = CliRun.of("--help");
        CliRun subHelp = CliRun.of("print", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("rerun4j ").contains("Rerun 0.33.0");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("view").contains("demo").contains("print").contains("verify").contains("--verbose")
                .contains("Exit codes: 0 ok, 1 damaged or unreadable file content, 2 bad usage\n"
                        + "(also: an output that cannot be written, out of memory).");
        assertThat(subHelp.exitCode()).isZero();
        assertThat(subHelp.out()).contains("--json").contains("FILE");
    }

    @Test
    void outOfMemoryIsOneLineWithAHintAndNoPartialFile(@TempDir Path tmp) throws Exception {
        assertThat(CliRun.of("demo", "--no-serve", "--out", tmp.toString()).exitCode()).isZero();
        Path png = tmp.resolve("huge.png");

        // 8000x8000 pixels need 256 MB as ints alone: more than a 64 MB heap holds.
        ChildRun run = ChildRun.of(tmp.resolve("stdout.txt").toFile(), null, Map.of(Launcher.ENV, "./rerun4j"), List.of("-Xmx64m"),
                "render", tmp.resolve(DemoCommand.THREE_D_FILE).toString(), "--entity", "world/camera/depth",
                "--size", "8000x8000", "--out", png.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OUT_OF_MEMORY);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("rerun4j: out of memory (Java heap: ").endsWith("give Java more: JAVA_OPTS=-Xmx1g ./rerun4j ...");
        assertThat(png).doesNotExist();
    }

    @Test
    void theHeapHintSuggestsTwiceTheHeapInTheLauncherSyntax() {
        assertThat(HeapHint.message(64L << 20, true, "./rerun4j"))
                .isEqualTo("out of memory (Java heap: 64 MB); give Java more: JAVA_OPTS=-Xmx1g ./rerun4j ...");
        assertThat(HeapHint.message(3L << 30, false, "java -jar target/rerun4j.jar"))
                .isEqualTo("out of memory (Java heap: 3072 MB); give Java more: java -Xmx8g -jar target/rerun4j.jar ...");
        assertThat(HeapHint.message(4L << 30, false, "rerun4j"))
                .isEqualTo("out of memory (Java heap: 4096 MB); give Java more: java -Xmx8g -jar rerun4j.jar ...");
    }
}
