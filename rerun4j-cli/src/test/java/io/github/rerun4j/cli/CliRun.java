package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the tool: its exit code and everything it wrote.
 *
 * @param exitCode what {@code main} would have exited with
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        CliRun run = new CliRun(code, out.toString(), err.toString());
        if (!String.join(" ", args).contains("--verbose")) {
            // The promise of the CLI: no stack trace, whatever happens, unless asked for.
            assertThat(run.err()).as("stderr of %s", String.join(" ", args)).doesNotContain("\tat ");
            assertThat(run.out()).doesNotContain("\tat ");
        }
        return run;
    }

    /** The stderr lines, without the trailing empty one. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
