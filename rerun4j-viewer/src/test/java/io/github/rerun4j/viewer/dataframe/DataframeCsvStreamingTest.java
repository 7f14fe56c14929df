package io.github.rerun4j.viewer.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.viewer.HeapInUse;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /dataframe.csv} streams: a client that stops reading after the first bytes holds the server to one
 * page of formatted rows, not the whole table (which is what let 300 requests take 6.4 GB).
 */
class DataframeCsvStreamingTest {

    static final int ROWS = 150_000;

    @TempDir
    Path dir;

    @Test
    void aStalledDownloadHoldsOnePageNotTheTable() throws Exception {
        Path file = dir.resolve("many.rrd");
        try (RecordingStream rec = RecordingStream.builder("many_rows").defaultTimelines(false).saveTo(file)) {
            DepthImage image = DepthImage.fromU16(new short[] {1}, 1, 1);
            for (int i = 0; i < ROWS; i++) {
                rec.setTimeSequence("frame", i);
                rec.log("cam/depth", image.withMeter(1000 + i));
            }
        }
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String csv = "/api/recordings/" + viewer.hub().recordings().get(0).key() + "/dataframe.csv?timeline=frame";
            long before = HeapInUse.afterGc();

            Socket stalled = RawHttp.stall(viewer.port(), csv, 1 << 12);
            Thread.sleep(500); // let the server run into the full socket buffers
            long held = HeapInUse.afterGc() - before;

            // The whole table of 150 000 formatted rows is over 60 MB; a page of 1000 is well under 1 MB.
            assertThat(held).as("heap held by one stalled CSV download").isLessThan(20L << 20);
            stalled.setSoLinger(true, 0);
            stalled.close();
            assertThat(RawHttp.get(viewer.url() + csv.substring(1)).body().split("\r\n")).hasSize(ROWS + 1);
        }
    }
}
