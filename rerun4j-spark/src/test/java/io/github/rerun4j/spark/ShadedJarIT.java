package io.github.rerun4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar ({@code rerun4j-spark-VERSION-spark.jar}, made in {@code package}) is a data source on its own:
 * a JVM with Spark's class path and that jar only (what {@code spark-submit --jars} gives a job) writes recordings
 * with the SDK inside it and reads them with format {@code rrd}; LZ4 comes from the jar's relocated copy, not
 * from Spark's own lz4-java. Run by failsafe in {@code verify}.
 */
class ShadedJarIT {

    @Test
    void theShadedJarReadsRecordingsNextToSparkAlone(@TempDir Path dir) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("rerun4j-spark-.*-spark\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/rerun4j-spark-*-spark.jar: run mvn verify"));
        }
        String testPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> classpath = new ArrayList<>();
        classpath.add(jar.toAbsolutePath().toString());
        for (String entry : testPath.split(File.pathSeparator)) {
            // Spark and its dependencies only: no rerun4j jar or class folder, no test tools.
            if (!entry.contains("rerun4j") && !entry.contains("junit") && !entry.contains("assertj")
                    && !entry.contains("opentest4j") && !entry.contains("jspecify") && !entry.isBlank()) {
                classpath.add(entry);
            }
        }
        Path program = Path.of("src/test/resources/shaded/ShadedSmoke.java").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String flags = System.getProperty("spark.jvmArgs");
        assertThat(flags).as("Spark's JVM flags (system property spark.jvmArgs, set by failsafe)").isNotBlank();
        command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), program.toString(),
                dir.toString()));
        Path log = dir.resolve("smoke.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("smoke run finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        List<String> rows = out.lines().filter(l -> l.startsWith("ROW ")).toList();
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int f = 1; f < 4; f++) {
                expected.add("ROW r" + r + " " + f + " " + (16.0 - 4 * f) / 16);
            }
        }
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(out).contains("LZ4 " + jar.toAbsolutePath().toUri().toURL());
    }
}
