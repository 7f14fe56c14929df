package io.github.rerun4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.io.depth.DepthReader;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SnippetCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code <pre>{@code ...}</pre>} example in rerun4j-io's Javadoc compiles (as the SDK's do). */
class IoJavadocSnippetsTest {

    private static final String IMPORTS = """
            import io.github.rerun4j.io.*;
            import io.github.rerun4j.io.camera.*;
            import io.github.rerun4j.io.colour.*;
            import io.github.rerun4j.io.depth.*;
            import io.github.rerun4j.io.tum.*;
            import io.github.rerun4j.sdk.archetypes.*;
            import io.github.rerun4j.sdk.types.*;
            import java.nio.file.Path;
            """;

    @Test
    void everyJavadocExampleCompiles(@TempDir Path work) {
        List<Path> sources = new ArrayList<>();
        for (SnippetCompiler.JavadocExample e : SnippetCompiler.javadocExamples(Path.of("src/main/java"))) {
            // The readers throw IOException: an example is the body of a method that may throw it.
            sources.add(SnippetCompiler.writeMethodClass(work.resolve("snippets"), e.className(), IMPORTS, "",
                    "try {\n" + e.code() + "\n} catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }"));
        }
        assertThat(sources).as("Javadoc examples found").hasSizeGreaterThanOrEqualTo(2);
        assertThat(SnippetCompiler.compile(sources, work.resolve("classes"), RecordingStream.class, DepthReader.class))
                .as("Javadoc examples that do not compile").isEmpty();
    }
}
