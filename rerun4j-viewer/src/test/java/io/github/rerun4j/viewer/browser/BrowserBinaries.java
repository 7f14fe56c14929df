package io.github.rerun4j.viewer.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Chromium and chromedriver are: the system property ({@code -Drerun4j.chromium=...},
 * {@code -Drerun4j.chromedriver=...}), else the environment ({@code RERUN4J_CHROMIUM},
 * {@code RERUN4J_CHROMEDRIVER}), else the first match on the {@code PATH}. A path that is given but is not
 * an executable file is reported as such rather than replaced by one found elsewhere: the user asked for it.
 *
 * <pre>{@code
 * BrowserBinaries found = BrowserBinaries.locate(System.getenv(), System.getProperties());
 * if (found.unavailableReason().isPresent()) ...; else found.chromium() ...
 * }</pre>
 *
 * @param chromium the browser, or null when not found
 * @param chromedriver the driver, or null when not found
 * @param problems why each missing one is missing, in words (empty when both were found)
 */
public record BrowserBinaries(Path chromium, Path chromedriver, List<String> problems) {

    static final String CHROMIUM_PROPERTY = "rerun4j.chromium";
    static final String CHROMIUM_ENV = "RERUN4J_CHROMIUM";
    static final String CHROMEDRIVER_PROPERTY = "rerun4j.chromedriver";
    static final String CHROMEDRIVER_ENV = "RERUN4J_CHROMEDRIVER";
    /** Names a Chromium goes by on Linux distributions and macOS Homebrew, in the order they are tried. */
    static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    static final String HOW_TO_INSTALL = "apt-get install chromium chromium-driver, or set "
            + CHROMIUM_ENV + " / " + CHROMEDRIVER_ENV;

    public BrowserBinaries {
        problems = List.copyOf(problems);
    }

    /** Looks up both with this JVM's environment and system properties. */
    public static BrowserBinaries locate() {
        return locate(System.getenv(), System.getProperties());
    }

    /** Looks up both in {@code env} (its {@code PATH} included) and {@code properties}. */
    public static BrowserBinaries locate(Map<String, String> env, Map<Object, Object> properties) {
        Lookup chromium = lookup("Chromium", CHROMIUM_PROPERTY, CHROMIUM_ENV, CHROMIUM_NAMES, env, properties);
        Lookup driver = lookup("chromedriver", CHROMEDRIVER_PROPERTY, CHROMEDRIVER_ENV, List.of("chromedriver"),
                env, properties);
        List<String> problems = java.util.stream.Stream.of(chromium.problem, driver.problem)
                .filter(p -> p != null).toList();
        return new BrowserBinaries(chromium.path, driver.path, problems);
    }

    /** Why browser tests cannot run here, or empty when both binaries were found. */
    public Optional<String> unavailableReason() {
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", problems) + " (" + HOW_TO_INSTALL + ")");
    }

    private record Lookup(Path path, String problem) {
    }

    private static Lookup lookup(String what, String property, String envName, List<String> names,
                                 Map<String, String> env, Map<Object, Object> properties) {
        Object configured = properties.get(property);
        String source = "-D" + property;
        if (configured == null || configured.toString().isBlank()) {
            configured = env.get(envName);
            source = envName;
        }
        if (configured != null && !configured.toString().isBlank()) {
            Path path = Path.of(configured.toString());
            return Files.isRegularFile(path) && Files.isExecutable(path) ? new Lookup(path, null)
                    : new Lookup(null, source + "=" + configured + " is not an executable file");
        }
        String searchPath = env.getOrDefault("PATH", "");
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new Lookup(candidate, null);
                }
            }
        }
        return new Lookup(null, "no " + what + " on the PATH (looked for " + String.join(", ", names)
                + "; " + envName + " and -D" + property + " unset)");
    }
}
