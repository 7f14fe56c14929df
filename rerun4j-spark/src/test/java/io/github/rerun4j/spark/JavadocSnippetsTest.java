package io.github.rerun4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SnippetCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void everyJavadocExampleCompiles(@TempDir Path work) {
        List<Path> sources = new ArrayList<>();
        for (SnippetCompiler.JavadocExample e : SnippetCompiler.javadocExamples(Path.of("src/main/java"))) {
            sources.add(SnippetCompiler.writeMethodClass(work.resolve("snippets"), e.className(), IMPORTS, GIVENS, e.code()));
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
