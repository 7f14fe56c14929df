package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.METER;
import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.meterOf;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.rrd.StoreKind;
import io.github.rerun4j.sdk.sink.FileSink;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsTest {

    private static final StoreId BLUEPRINT = new StoreId(StoreKind.BLUEPRINT, "bp", "store_test");
    private static final StoreId REC_A = StoreId.recording("store_test", "a");
    private static final StoreId REC_B = StoreId.recording("store_test", "b");

    /** A blueprint, then two recordings whose chunks interleave; recording b has no store info. */
    private static Path write(Path dir) throws Exception {
        Path file = dir.resolve("multi.rrd");
        try (FileSink sink = FileSink.create(file)) {
            sink.send(new LogMessage.StoreInfoMessage(StoreInfo.of(BLUEPRINT)));
            sink.send(new LogMessage.ChunkMessage(BLUEPRINT, meter("/bp", null, 0, 1, v(0))));
            sink.send(new LogMessage.StoreInfoMessage(StoreInfo.of(REC_A)));
            sink.send(new LogMessage.ChunkMessage(REC_A, meter("/e", "frame", 1, 2, v(1))));
            sink.send(new LogMessage.ChunkMessage(REC_B, meter("/e", "frame", 1, 3, v(2))));
            sink.send(new LogMessage.ChunkMessage(REC_A, meter("/e", "frame", 2, 4, v(3))));
        }
        return io.github.rerun4j.sdk.rrd.Footers.strip(file);  // these tests are about the messages
    }

    @Test
    void everyStoreGetsItsOwnChunkStore(@TempDir Path dir) throws Exception {
        Recordings all = Recordings.load(write(dir));
        assertThat(all.problems()).isEmpty();
        assertThat(all.recordings()).extracting(Recording::id).containsExactly(BLUEPRINT, REC_A, REC_B);
        assertThat(all.firstRecording().orElseThrow().id()).isEqualTo(REC_A);
        assertThat(all.get(REC_A).orElseThrow().store().rowCount()).isEqualTo(2);
        assertThat(all.get(REC_B).orElseThrow().storeInfo()).isEmpty();
        assertThat(meterOf(all.get(REC_B).orElseThrow().store().latestAt("/e", METER.component(), "frame", 9).orElseThrow()))
                .isEqualTo(2f);

        ChunkStore first = ChunkStore.load(dir.resolve("multi.rrd"));
        assertThat(first.entityPaths()).containsExactly("/e");
        assertThat(meterOf(first.latestAt("/e", METER.component(), "frame", 9).orElseThrow())).isEqualTo(3f);
    }

    @Test
    void aDamagedTailKeepsEverythingBeforeIt(@TempDir Path dir) throws Exception {
        Path file = write(dir);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) - 10);
        }
        Recordings all = Recordings.load(file);
        assertThat(all.problems()).hasSize(1);
        assertThat(all.get(REC_A).orElseThrow().store().rowCount()).isEqualTo(1);
        assertThat(all.get(REC_B).orElseThrow().store().rowCount()).isEqualTo(1);
    }
}
