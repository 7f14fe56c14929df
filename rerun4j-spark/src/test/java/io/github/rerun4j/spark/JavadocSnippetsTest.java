package io.github.rerun4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SnippetCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code <pre>{@code ...}</pre>} example in this module's Javadoc compiles (given a {@code spark} session). */
class JavadocSnippetsTest {

    private static final String GIVENS = """
                SparkSession spark;
            """;

    private static final String IMPORTS = """
            import io.github.rerun4j.spark.*;
            import io.github.rerun4j.sdk.archetypes.*;
            import org.apache.spark.sql.*;
            """;

    private static final Pattern PRE_CODE = Pattern.compile("<pre>\\{@code(.*?)}</pre>", Pattern.DOTALL);

    @Test
    void everyJavadocExampleCompiles(@TempDir Path work) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher m = PRE_CODE.matcher(text);
                while (m.find()) {
                    int line = (int) text.substring(0, m.start()).lines().count();
                    String name = file.getFileName().toString().replace(".java", "") + "_line" + line;
                    sources.add(SnippetCompiler.writeMethodClass(work.resolve("snippets"), name, IMPORTS, GIVENS,
                            m.group(1).replaceAll("(?m)^\\s*\\* ?", "")));
                }
            }
        }
        assertThat(sources).as("Javadoc examples found").hasSizeGreaterThanOrEqualTo(3);
        String errors = SnippetCompiler.compile(sources, work.resolve("classes"), RrdDataSource.class,
                RecordingStream.class, SparkSession.class);
        assertThat(errors).as("Javadoc examples that do not compile (File_lineN = the <pre> at line N)").isEmpty();
    }

    @Test
    void aBrokenExampleIsCaught(@TempDir Path work) {
        Path source = SnippetCompiler.writeMethodClass(work, "Broken", IMPORTS, GIVENS, "RrdFunctions.registerAll(spark);");
        assertThat(SnippetCompiler.compile(List.of(source), work.resolve("classes"), RrdDataSource.class,
                SparkSession.class)).contains("Broken.java:").contains("registerAll");
    }
}
