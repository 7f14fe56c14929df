package io.github.rerun4j.cli;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.examples.DepthImageSimple;
import io.github.rerun4j.sdk.rrd.Footers;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Recordings for the tests, written into a test's temporary directory. */
final class TestFiles {

    /** Rerun's own file (LZ4 payloads, End message and footer), from the SDK's test jar. */
    static final String REFERENCE_RESOURCE = "/rrd/ref_points_viewer_saved.rrd";

    private TestFiles() {
    }

    static Path simple(Path dir) {
        Path file = dir.resolve(DemoCommand.SIMPLE_FILE);
        DepthImageSimple.write(file);
        return file;
    }

    static Path threeD(Path dir) {
        Path file = dir.resolve(DemoCommand.THREE_D_FILE);
        DepthImage3d.write(file);
        return file;
    }

    /**
     * The 3D demo as a process killed before close leaves it: every chunk, no End message or footer. Tests that cut
     * or extend a file's last message start here, since after a footer only a new stream may follow.
     */
    static Path threeDUnfinished(Path dir) {
        Path file = dir.resolve("unfinished_" + DemoCommand.THREE_D_FILE);
        DepthImage3d.write(file);
        return Footers.strip(file);
    }

    static Path reference(Path dir) throws IOException {
        Path file = dir.resolve("ref_points_viewer_saved.rrd");
        try (InputStream in = TestFiles.class.getResourceAsStream(REFERENCE_RESOURCE)) {
            if (in != null) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            }
        }
        // Not on the class path (test jar not built): the SDK module's copy, relative to this module's directory.
        Files.copy(Path.of("../rerun4j-sdk/src/test/resources" + REFERENCE_RESOURCE), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    static List<RrdRecord> records(Path file) throws IOException {
        return RrdReader.readAll(file);
    }

    static Path concat(Path target, Path... parts) throws IOException {
        try (var out = Files.newOutputStream(target)) {
            for (Path part : parts) {
                Files.copy(part, out);
            }
        }
        return target;
    }
}
