package io.github.rerun4j.render.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.dataframe.DataframeTable;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole table streamed a page at a time is byte for byte the table written at once. */
class DataframeCsvStreamTest {

    static ChunkStore store() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("csv_stream").sink(sink)) {
            for (int i = 0; i < 23; i++) {
                rec.setTimeSequence("frame", i);
                // Two entities with different components, static rows, a row per frame on one of them.
                rec.log("a/depth", DepthImage.fromU16(new short[] {(short) i, 2, 3, 4}, 2, 2).withMeter(1000 + i));
                if (i % 5 == 0) {
                    rec.log("b/depth", DepthImage.fromF32(new float[] {i}, 1, 1));
                }
            }
            rec.logStatic("a/depth", DepthImage.fromU16(new short[] {9}, 1, 1));
        }
        ChunkStore store = new ChunkStore();
        for (LogMessage m : sink.messages()) {
            if (m instanceof LogMessage.ChunkMessage c) {
                store.add(c.chunk());
            }
        }
        return store;
    }

    static String whole(ChunkStore store, DataframeQuery query) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataframeCsv.write(DataframeTable.of(store.dataframe(query)), out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 1000})
    void pagedIsTheWholeTable(int pageRows) throws IOException {
        ChunkStore store = store();
        for (DataframeQuery query : new DataframeQuery[] {DataframeQuery.onTimeline("frame"),
                DataframeQuery.onTimeline("frame").withEntity("/b"), DataframeQuery.staticOnly()}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            DataframeCsv.write(store, query, out, pageRows);

            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as("%s by %d", query, pageRows)
                    .isEqualTo(whole(store, query));
        }
    }

    @Test
    void theStreamedTableHasEveryRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataframeCsv.write(store(), DataframeQuery.onTimeline("frame"), out);

        // header + 23 rows of /a + 5 of /b + the static row of /a
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n")).hasSize(1 + 23 + 5 + 1);
    }
}
