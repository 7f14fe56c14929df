package io.github.rerun4j.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.hub.ViewedRecording;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Viewer#load} on the shared read loop: Rerun's footer, damage, and two files of one recording. */
class ViewerLoadTest {

    @TempDir
    Path dir;

    @Test
    void aFileEndingWithRerunsEndMessageAndFooterLoads() throws Exception {
        Path file = dir.resolve("saved-by-rerun.rrd");
        TestRecordings.write(file, 4);
        io.github.rerun4j.sdk.rrd.Footers.appendStandIn(file);
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);  // threw NullPointerException on the End message
            assertThat(viewer.hub().recordings()).singleElement().satisfies(r -> {
                assertThat(r.problems()).isEmpty();
                assertThat(r.store().rowCount()).isEqualTo(4);
            });
        }
    }

    @Test
    void problemsOfTwoFilesMergedIntoOneRecordingNameTheirFile() throws Exception {
        Path whole = dir.resolve("whole.rrd");
        TestRecordings.write(whole, 3);
        Path first = Files.copy(whole, dir.resolve("first.rrd"));
        Path second = Files.copy(whole, dir.resolve("second.rrd"));  // the same recording id
        try (FileChannel ch = FileChannel.open(second, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(second) - 7);
        }
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(first);
            viewer.load(second);
            List<ViewedRecording> recordings = viewer.hub().recordings();
            assertThat(recordings).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo(first.toString());
                assertThat(r.problems()).singleElement().asString()
                        .startsWith(second.getFileName() + ": cut off mid-write: the file ends inside message ");
            });
        }
    }
}
