package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./rerun4j} launcher: it hands {@code JAVA_OPTS} and then {@code RERUN4J_OPTS} (which win, being last)
 * to the JVM, the way a user gives the tool more heap; and it trains a class-data archive once per build, then
 * starts every run with it. A copy of the script runs against a stand-in {@code java} that prints its arguments
 * (and, when asked to archive classes at exit, writes the archive), next to an up-to-date jar, so nothing is built.
 */
class LauncherScriptTest {

    private static final String ECHO = "#!/bin/sh\necho \"$@\"\n";
    /** Prints its arguments; writes the archive it is asked for; the training command succeeds. */
    private static final String ARCHIVING = "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*)"
            + " echo archive > \"${a#-XX:ArchiveClassesAtExit=}\";; esac; done\necho \"$@\"\n";

    @TempDir
    Path tmp;

    private Path jar;

    private Path checkout(String java) throws IOException {
        Files.copy(Path.of("..", "rerun4j"), tmp.resolve("rerun4j"));
        Path pom = Files.writeString(tmp.resolve("pom.xml"), "<project/>");  // older than the jar: no build
        Files.setLastModifiedTime(pom, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        jar = Files.createDirectories(tmp.resolve("rerun4j-cli/target")).resolve("rerun4j.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        return standInJava(java);
    }

    private Path standInJava(String script) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, script);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private String run(Path bin, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", tmp.resolve("rerun4j").toString(), "print", "a.rrd")
                .directory(tmp.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void jvmOptionsFromBothVariablesReachJava() throws Exception {
        Path bin = checkout(ECHO);
        String out = run(bin, Map.of("JAVA_OPTS", "-Xmx1g -Dfrom=java_opts", "RERUN4J_OPTS", "-Xmx2g", "RERUN4J_CDS", "0"));
        assertThat(out).isEqualTo("-Xmx1g -Dfrom=java_opts -Xmx2g -jar " + jar.toRealPath() + " print a.rrd");
    }

    @Test
    void theClassDataArchiveIsTrainedOncePerBuildAndUsedByEveryRun() throws Exception {
        Path bin = checkout(ARCHIVING);
        String first = run(bin, Map.of("JAVA_OPTS", "-Xmx1g"));
        assertThat(archives()).singleElement();
        String archive = archives().get(0).toString();
        assertThat(Files.readString(archives().get(0))).isEqualTo("archive\n");  // written by the training run
        assertThat(first).startsWith("rerun4j: preparing faster starts for this build")
                .endsWith("-XX:SharedArchiveFile=" + archive + " -Xlog:cds*=off -Xmx1g -jar " + jar.toRealPath() + " print a.rrd");

        String second = run(bin, Map.of());
        assertThat(second).isEqualTo("-XX:SharedArchiveFile=" + archive + " -Xlog:cds*=off -jar " + jar.toRealPath() + " print a.rrd");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));  // a new build
        assertThat(run(bin, Map.of())).startsWith("rerun4j: preparing faster starts");
    }

    @Test
    void aTrainingThatFailsIsNotRetriedUntilTheNextBuildAndTheRunGoesOnWithoutArchive() throws Exception {
        Path bin = checkout("#!/bin/sh\ncase \"$*\" in *cds-training*) exit 1;; esac\necho \"$@\"\n");
        String first = run(bin, Map.of());
        assertThat(first).startsWith("rerun4j: preparing faster starts").endsWith("\n-jar " + jar.toRealPath() + " print a.rrd");
        assertThat(run(bin, Map.of())).isEqualTo("-jar " + jar.toRealPath() + " print a.rrd");
        assertThat(archives()).isEmpty();
    }
}
