package io.github.rerun4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SnippetCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Logging from Java" cannot rot: its program is {@code examples/consumer}'s {@code Main.java} byte for
 * byte, its pom fragments are in the consumer's pom verbatim, the version it names is this build's, and the program
 * compiles and runs against this build's SDK. CI also builds the consumer as a separate project against the
 * installed artifacts ({@code .ci/run}), which checks the pom the way a user's Maven reads it.
 */
class ReadmeConsumerTest {

    private static final Path ROOT = Path.of("..");
    private static final Path CONSUMER = ROOT.resolve("examples/consumer");
    private static final Path MAIN = CONSUMER.resolve("src/main/java/example/Main.java");

    @Test
    void readmeProgramIsTheConsumersMainJava() throws IOException {
        List<String> java = blocks(loggingFromJava(), "java");
        assertThat(java).as("java blocks in README's \"Logging from Java\"").isNotEmpty();
        assertThat(java.get(0)).as("README's program vs " + MAIN).isEqualTo(Files.readString(MAIN));
    }

    @Test
    void readmePomFragmentsAreInTheConsumersPom() throws IOException {
        List<String> xml = blocks(loggingFromJava(), "xml");
        assertThat(xml).as("xml blocks in README's \"Logging from Java\"").hasSizeGreaterThanOrEqualTo(2);
        List<String> pom = trimmedLines(Files.readString(CONSUMER.resolve("pom.xml")));
        for (String fragment : xml) {
            assertThat(Collections.indexOfSubList(pom, trimmedLines(fragment)))
                    .as("README fragment found verbatim (up to indentation) in examples/consumer/pom.xml:%n%s", fragment)
                    .isNotNegative();
        }
    }

    @Test
    void readmeNamesThisBuildsVersion() throws IOException {
        String version = firstGroup("<version>(.+?)</version>", Files.readString(ROOT.resolve("pom.xml")));
        String dependency = firstGroup("(<artifactId>rerun4j-sdk</artifactId>\\s*<version>.+?</version>)",
                loggingFromJava());
        assertThat(dependency).endsWith("<version>" + version + "</version>");
    }

    @Test
    void readmeProgramCompilesAndRunsAgainstThisBuild(@TempDir Path work) throws Exception {
        Path classes = work.resolve("classes");
        assertThat(SnippetCompiler.compile(List.of(MAIN), classes, RecordingStream.class)).as("javac %s", MAIN).isEmpty();

        Path rrd = work.resolve("depth.rrd");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("example.Main").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {rrd.toString()});
        } finally {
            System.setOut(stdout);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("/world/camera: 1 row(s)")
                .contains("/world/camera/depth: ")
                .contains("  first row: a 300x200 depth image");
        assertThat(Files.size(rrd)).isGreaterThan(10L * 300 * 200 * 2);
    }

    /** README from "## Logging from Java" to the next "## " heading. */
    static String loggingFromJava() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Logging from Java\n");
        assertThat(start).as("README has a \"## Logging from Java\" section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    static List<String> blocks(String markdown, String language) {
        return SnippetCompiler.fencedBlocks(markdown).stream().filter(b -> b.language().equals(language))
                .map(SnippetCompiler.Block::code).toList();
    }

    private static List<String> trimmedLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String firstGroup(String regex, String text) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("/%s/ found", regex).isTrue();
        return m.group(1);
    }
}
