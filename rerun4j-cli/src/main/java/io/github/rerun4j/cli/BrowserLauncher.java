package io.github.rerun4j.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL in the user's browser the way each system expects ({@code open} on macOS, {@code rundll32} on
 * Windows, {@code xdg-open} under X11 or Wayland). Never fails: without a display, or when the command cannot
 * start, the caller just prints the address.
 */
final class BrowserLauncher {

    private BrowserLauncher() {
    }

    /** The command that opens {@code url} here, or empty when there is no desktop to open it on. */
    static Optional<List<String>> command(String osName, Map<String, String> env, URI url) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return Optional.of(List.of("open", url.toString()));
        }
        if (os.startsWith("windows")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url.toString()));
        }
        if (present(env.get("DISPLAY")) || present(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of(List.of("xdg-open", url.toString()));
        }
        return Optional.empty();
    }

    /** Tries to open {@code url}; true if a browser command was started. */
    static boolean open(URI url) {
        Optional<List<String>> command = command(System.getProperty("os.name", ""), System.getenv(), url);
        if (command.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(command.get())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // no xdg-open installed, say: the printed address is enough
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
