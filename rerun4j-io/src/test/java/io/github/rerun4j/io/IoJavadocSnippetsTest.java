package io.github.rerun4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.io.depth.DepthReader;
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
                    String body = m.group(1).replaceAll("(?m)^\\s*\\* ?", "");
                    // The readers throw IOException: an example is the body of a method that may throw it.
                    sources.add(SnippetCompiler.writeMethodClass(work.resolve("snippets"), name, IMPORTS, "",
                            "try {\n" + body + "\n} catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }"));
                }
            }
        }
        assertThat(sources).as("Javadoc examples found").hasSizeGreaterThanOrEqualTo(2);
        assertThat(SnippetCompiler.compile(sources, work.resolve("classes"), RecordingStream.class, DepthReader.class))
                .as("Javadoc examples that do not compile").isEmpty();
    }
}
