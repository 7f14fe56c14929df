package io.github.rerun4j.viewer.memory;

import io.github.rerun4j.viewer.Viewer;
import java.nio.file.Path;

/**
 * A viewer in a child JVM with a small heap, for {@link StarvedViewerTest}: {@code load FILE} reads the file
 * with {@link Viewer#load}, {@code follow FILE} follows it; either way it prints {@code port N} once serving
 * and then serves until killed.
 */
public final class StarvedViewerMain {

    private StarvedViewerMain() {
    }

    public static void main(String[] args) throws Exception {
        Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0);
        System.out.println("port " + viewer.port());
        System.out.flush();
        Path file = Path.of(args[1]);
        if (args[0].equals("load")) {
            viewer.load(file);
        } else {
            viewer.follow(file);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
