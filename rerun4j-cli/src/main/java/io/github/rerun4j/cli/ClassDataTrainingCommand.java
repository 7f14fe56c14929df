package io.github.rerun4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/**
 * {@code rerun4j cds-training} (hidden): what the launcher runs once per build under
 * {@code -XX:ArchiveClassesAtExit}, so that the JVM archives the classes a start of the viewer loads and later
 * starts map them instead of loading them one by one (Java's application class-data sharing). It writes the demo's
 * recordings to a temporary directory, views them (page and Rerun's proxy on free ports), asks the page's API what
 * a browser asks first (recordings, scene, pixels) and stops. Nothing is printed.
 */
@Command(name = "cds-training", hidden = true,
        description = "Run the viewer once through its start (used by the launcher to record the classes it loads).")
public final class ClassDataTrainingCommand implements Callable<Integer> {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern IMAGE_URL = Pattern.compile("\"imageUrl\":\"([^\"]+)\"");

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("rerun4j-cds-");
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        ServeOptions options = new ServeOptions();
        options.port = 0;
        options.webViewerPort = 0;
        ViewerSession session = ViewerSession.start(options, quiet, quiet);
        try {
            for (Path file : DemoCommand.writeSnippets(dir)) {
                session.follow(file).awaitCaughtUp(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            URI base = session.viewer().url();
            Matcher recordings = ID.matcher(get(base.resolve("api/recordings")));
            while (recordings.find()) {
                String scene = get(base.resolve("api/recordings/" + recordings.group(1) + "/scene"));
                Matcher image = IMAGE_URL.matcher(scene);
                if (image.find()) {
                    get(base.resolve(image.group(1).replace("\\u0026", "&")));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.stop();
            DemoCommand.deleteQuietly(dir);
        }
        return ExitCode.OK;
    }

    private static String get(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } finally {
            connection.disconnect();
        }
    }
}
