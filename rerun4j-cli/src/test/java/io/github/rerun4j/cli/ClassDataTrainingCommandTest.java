package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher trains its class-data archive with this hidden command: it must run through and say nothing. */
class ClassDataTrainingCommandTest {

    @Test
    void startsTheViewerOnTheDemoAsksItsApiAndStopsSilently() {
        CliRun run = CliRun.of("cds-training");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void isNotListedInTheHelp() {
        assertThat(CliRun.of("--help").out()).doesNotContain("cds-training");
    }
}
