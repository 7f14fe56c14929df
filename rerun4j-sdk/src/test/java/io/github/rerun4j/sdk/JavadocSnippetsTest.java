package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code <pre>{@code ...}</pre>} example in the SDK's Javadoc compiles against the SDK as it is, so a
 * renamed method or a call that never existed ({@code .sink(...).build()}) fails the build instead of a reader.
 *
 * <p>Each example becomes the body of a method in its own class, with the SDK's packages imported. An example may
 * use, without declaring them, only the {@link #GIVENS}: a few values that most examples need and that would be
 * noise to construct in each one. Everything else it uses it must declare itself.
 */
class JavadocSnippetsTest {

    /** Values an example may use without declaring (fields, so an example may also declare its own). */
    static final String GIVENS = """
                Path path;             // an .rrd file
                FileChannel channel;   // a writable file
                StoreId storeId;
                Chunk chunk;
                DepthImage depth;
                short[] pixels;        // U16 millimetres, 300 x 200
            """;

    private static final String IMPORTS = """
            import io.github.rerun4j.sdk.*;
            import io.github.rerun4j.sdk.archetypes.*;
            import io.github.rerun4j.sdk.internal.arrow.*;
            import io.github.rerun4j.sdk.batch.*;
            import io.github.rerun4j.sdk.internal.batch.*;
            import io.github.rerun4j.sdk.chunk.*;
            import io.github.rerun4j.sdk.internal.codec.*;
            import io.github.rerun4j.sdk.encoding.*;
            import io.github.rerun4j.sdk.rrd.*;
            import io.github.rerun4j.sdk.sink.*;
            import io.github.rerun4j.sdk.types.*;
            import java.nio.ByteBuffer;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.time.Duration;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import static java.nio.file.StandardOpenOption.*;
            """;

    @Test
    void everyJavadocExampleCompiles(@TempDir Path work) {
        List<SnippetCompiler.JavadocExample> snippets = SnippetCompiler.javadocExamples(Path.of("src/main/java"));
        assertThat(snippets).as("Javadoc examples found").hasSizeGreaterThan(40);

        List<Path> sources = new ArrayList<>();
        for (SnippetCompiler.JavadocExample s : snippets) {
            sources.add(SnippetCompiler.writeMethodClass(work.resolve("snippets"), s.className(), IMPORTS, GIVENS,
                    s.code()));
        }
        String errors = SnippetCompiler.compile(sources, work.resolve("classes"), RecordingStream.class);
        assertThat(errors).as("Javadoc examples that do not compile (file_lineN = the <pre> at line N)").isEmpty();
    }

    @Test
    void aBrokenExampleIsCaught(@TempDir Path work) {
        // The check itself can fail: the builder has no build(), as three examples once claimed.
        Path source = SnippetCompiler.writeMethodClass(work, "Broken", IMPORTS, GIVENS,
                "try (var rec = RecordingStream.builder(\"app\").sink(new MemorySink()).build()) { }");
        assertThat(SnippetCompiler.compile(List.of(source), work.resolve("classes"), RecordingStream.class))
                .contains("Broken.java:").contains("build()");
    }
}
