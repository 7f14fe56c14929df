package io.github.rerun4j.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SnippetCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of README.md compiles against the SDK, the viewer and rerun4j-io as they are (this module sees
 * them all). A
 * block that starts with {@code package} is a whole file; any other block is the body of a method that may call
 * the one given helper, {@code millimetres()} (a 300 x 200 U16 frame), like a user's own frame source. Blocks that
 * import Spark are rerun4j-spark's (its {@code RrdFunctionsTest} checks README's job is its test file, and runs it).
 */
class ReadmeJavaBlocksTest {

    private static final String IMPORTS = """
            import io.github.rerun4j.sdk.*;
            import io.github.rerun4j.sdk.archetypes.*;
            import io.github.rerun4j.sdk.chunk.*;
            import io.github.rerun4j.sdk.rrd.*;
            import io.github.rerun4j.sdk.sink.*;
            import io.github.rerun4j.sdk.types.*;
            import io.github.rerun4j.viewer.*;
            import io.github.rerun4j.grpc.*;
            import java.nio.file.Path;
            import java.util.List;
            """;
    private static final String GIVENS = """
                short[] millimetres() {
                    return new short[300 * 200];
                }
            """;

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path work) throws Exception {
        List<SnippetCompiler.Block> blocks = SnippetCompiler.fencedBlocks(Files.readString(Path.of("../README.md")))
                .stream().filter(b -> b.language().equals("java"))
                // Spark jobs need Spark, which only rerun4j-spark sees: its RrdFunctionsTest compiles and runs them.
                .filter(b -> !b.code().contains("import org.apache.spark."))
                .toList();
        assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(2);

        List<Path> sources = new ArrayList<>();
        for (SnippetCompiler.Block b : blocks) {
            if (b.code().startsWith("package ")) {
                Path file = work.resolve("files/Readme_line" + b.line()).resolve(publicClass(b.code()) + ".java");
                Files.createDirectories(file.getParent());
                sources.add(Files.writeString(file, b.code()));
            } else {
                sources.add(SnippetCompiler.writeMethodClass(work.resolve("snippets"), "Readme_line" + b.line(),
                        IMPORTS, GIVENS, b.code()));
            }
        }
        assertThat(SnippetCompiler.compile(sources, work.resolve("classes"), RecordingStream.class, Viewer.class,
                io.github.rerun4j.io.depth.DepthReader.class))
                .as("README java blocks that do not compile (Readme_lineN = the block opening at line N)").isEmpty();
    }

    private static String publicClass(String file) {
        int at = file.indexOf("public class ");
        assertThat(at).as("a whole-file block declares a public class").isNotNegative();
        return file.substring(at + "public class ".length()).split("[\\s{<]", 2)[0];
    }
}
