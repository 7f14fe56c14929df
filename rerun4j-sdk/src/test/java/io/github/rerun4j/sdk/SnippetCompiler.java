package io.github.rerun4j.sdk;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles documentation examples (Javadoc {@code <pre>} blocks, README code blocks) with the JDK's compiler, so
 * that tests in every module can hold their examples to the code as it is. Shared through the SDK's test-jar.
 */
public final class SnippetCompiler {

    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PRE_CODE = Pattern.compile("<pre>\\{@code(.*?)}</pre>", Pattern.DOTALL);

    private SnippetCompiler() {
    }

    /**
     * Compiles {@code sources} into {@code classes} against the test class path plus the jars or folders that hold
     * {@code apiClasses} (named explicitly: surefire's class path may be a manifest-only jar).
     *
     * @return the errors, one per line as {@code File.java:line: message}; empty when everything compiles
     */
    public static String compile(List<Path> sources, Path classes, Class<?>... apiClasses) {
        try {
            Files.createDirectories(classes);
            StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
            for (Class<?> c : apiClasses) {
                classpath.append(File.pathSeparator)
                        .append(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
                javac.getTask(new StringWriter(), files, diagnostics,
                        List.of("-proc:none", "-Xlint:none", "-classpath", classpath.toString(), "-d", classes.toString()),
                        null, files.getJavaFileObjectsFromPaths(sources)).call();
            }
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.append(d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName())
                            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
                }
            }
            return errors.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code body} as the method {@code run()} of class {@code className}, after {@code header}. */
    public static Path writeMethodClass(Path dir, String className, String header, String members, String body) {
        Path source = dir.resolve(className + ".java");
        try {
            Files.createDirectories(dir);
            Files.writeString(source, header + "\nclass " + className + " {\n" + members
                    + "\n    void run() throws Exception {\n" + body + "\n    }\n}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }

    /** A fenced code block of a Markdown file: its language, its text and the line its fence opens on. */
    public record Block(String language, String code, int line) {
    }

    /** The fenced code blocks of {@code markdown}, in order. */
    public static List<Block> fencedBlocks(String markdown) {
        List<Block> out = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            int line = (int) markdown.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            out.add(new Block(m.group(1), m.group(2), line));
        }
        return out;
    }

    /**
     * A Javadoc example ({@code <pre>{@code ...}</pre>}): its file relative to the source root, the line its
     * {@code <pre>} is on, and its code with the comment margin removed.
     */
    public record JavadocExample(Path file, int line, String code) {
        /** A class name unique to the example: {@code File_lineN}. */
        public String className() {
            return file.getFileName().toString().replace(".java", "").replace('-', '_') + "_line" + line;
        }
    }

    /** Every Javadoc example of the {@code .java} files under {@code sourceRoot}, in file order. */
    public static List<JavadocExample> javadocExamples(Path sourceRoot) {
        List<JavadocExample> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher m = PRE_CODE.matcher(text);
                while (m.find()) {
                    int line = (int) text.substring(0, m.start()).lines().count() + (m.start() == 0 ? 1 : 0);
                    out.add(new JavadocExample(sourceRoot.relativize(file), line, m.group(1).replaceAll("(?m)^\\s*\\* ?", "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
