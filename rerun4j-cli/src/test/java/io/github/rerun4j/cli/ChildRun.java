package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the tool in a child JVM, for what an in-process run cannot show: the real standard output
 * (redirected to a file or to {@code /dev/full}), resource limits set by the shell, the environment.
 *
 * @param exitCode the process's exit status
 * @param err      its standard error
 */
record ChildRun(int exitCode, String err) {

    /**
     * Runs {@code java ... Main args} with stdout going to {@code stdout}.
     *
     * @param shellSetup shell commands run before the JVM starts (e.g. {@code ulimit -f 4}), or null
     * @param env        extra environment variables
     */
    static ChildRun of(File stdout, String shellSetup, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (shellSetup != null) {
            command.addAll(List.of("/bin/bash", "-c", shellSetup + "; exec \"$0\" \"$@\""));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:-UsePerfData"); // no hsperfdata file: a file-size limit is for the tool's own output
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("rerun4j-child-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child did not end within 60 s: " + command);
            }
            ChildRun run = new ChildRun(process.exitValue(), Files.readString(err));
            assertThat(run.err()).as("stderr of %s", args).doesNotContain("\tat ");
            return run;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static ChildRun of(File stdout, String... args) throws IOException, InterruptedException {
        return of(stdout, null, Map.of(), List.of(), args);
    }

    /** The stderr lines. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
