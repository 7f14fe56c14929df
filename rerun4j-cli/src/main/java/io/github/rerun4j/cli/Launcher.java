package io.github.rerun4j.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the user started the tool, so that commands printed back to them (by {@code demo --no-serve}, in the
 * out-of-memory hint) can be pasted as they are: the {@code ./rerun4j} script exports {@value #ENV} with the
 * name it was called by; without it, {@code java -jar JAR} when running from a jar, else {@code rerun4j}.
 */
final class Launcher {

    /** Set by the launcher script to the command the user typed, e.g. {@code ./rerun4j}. */
    static final String ENV = "RERUN4J_LAUNCHER";

    /** Characters that need no quoting in a POSIX shell word. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Launcher() {
    }

    /** The command that runs this tool, e.g. {@code ./rerun4j}, {@code rerun4j} or {@code java -jar target/rerun4j.jar}. */
    static String command() {
        return command(System.getenv(ENV), runningJar(), Path.of("").toAbsolutePath());
    }

    /** True when the launcher script started the tool (so {@code JAVA_OPTS} reaches the JVM). */
    static boolean viaScript() {
        String env = System.getenv(ENV);
        return env != null && !env.isBlank();
    }

    /**
     * @param env        the value of {@value #ENV}, or null
     * @param jar        the jar the classes come from, if any
     * @param workingDir the current directory, to print the jar's path relative to it when it lies inside
     */
    static String command(String env, Optional<Path> jar, Path workingDir) {
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return jar.map(j -> "java -jar " + quote((j.startsWith(workingDir) ? workingDir.relativize(j) : j).toString()))
                .orElse("rerun4j");
    }

    /** {@code text} as one shell word: unchanged when plain, else in single quotes. */
    static String quote(String text) {
        if (PLAIN_WORD.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static Optional<Path> runningJar() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty(); // only used for a friendlier message
        }
    }
}
