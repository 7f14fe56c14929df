package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
                .contains("Exit codes: 0 ok, 1 damaged or unreadable file content, 2 bad usage.");
        assertThat(subHelp.exitCode()).isZero();
        assertThat(subHelp.out()).contains("--json").contains("FILE");
    }
}
