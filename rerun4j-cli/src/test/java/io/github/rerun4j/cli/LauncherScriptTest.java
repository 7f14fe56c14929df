package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./rerun4j} launcher hands {@code JAVA_OPTS} and then {@code RERUN4J_OPTS} (which win, being last)
 * to the JVM: the way a user gives the tool more heap. A copy of the script runs against a stand-in
 * {@code java} that prints its arguments, next to an up-to-date jar, so nothing is built.
 */
class LauncherScriptTest {

    @Test
    void jvmOptionsFromBothVariablesReachJava(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("rerun4j");
        Files.copy(Path.of("..", "rerun4j"), script);
        Path pom = Files.writeString(tmp.resolve("pom.xml"), "<project/>");  // older than the jar: no build
        Files.setLastModifiedTime(pom, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path jar = Files.createDirectories(tmp.resolve("rerun4j-cli/target")).resolve("rerun4j.jar");
        Files.writeString(jar, "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "print", "a.rrd")
                .directory(tmp.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_OPTS", "-Xmx1g -Dfrom=java_opts");
        builder.environment().put("RERUN4J_OPTS", "-Xmx2g");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo("-Xmx1g -Dfrom=java_opts -Xmx2g -jar " + jar.toRealPath() + " print a.rrd");
    }
}
