package io.github.rerun4j.viewer.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.Viewer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One viewer serving one recording and one browser, shared by the tests of a class (starting Chromium per
 * test would dominate the run); after each test the page must have logged no error.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedViewerPage shared = SharedViewerPage.serving(DepthImage3d::write);
 * ... shared.browser().get(shared.viewer().url().toString());
 * }</pre>
 */
public final class SharedViewerPage implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final Consumer<Path> recordingWriter;
    private Path dir;
    private Viewer viewer;
    private Browser browser;

    private SharedViewerPage(Consumer<Path> recordingWriter) {
        this.recordingWriter = recordingWriter;
    }

    /** A viewer serving the recording {@code recordingWriter} writes to the path it is given. */
    public static SharedViewerPage serving(Consumer<Path> recordingWriter) {
        return new SharedViewerPage(recordingWriter);
    }

    public Viewer viewer() {
        return viewer;
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("rerun4j-viewer-test-");
        Path file = dir.resolve("recording.rrd");
        recordingWriter.accept(file);
        viewer = Viewer.start(Viewer.LOOPBACK, 0);
        viewer.load(file);
        browser = Browser.open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (viewer != null) {
                viewer.close();
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
