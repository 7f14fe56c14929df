package io.github.rerun4j.sdk.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowBuffer;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcReader;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcWriter;
import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import io.github.rerun4j.sdk.internal.arrow.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cutting rows out of chunks and joining chunks keeps every value of every kept row, nulls included, through
 * the IPC writer and reader (what the file tools do).
 */
class ChunkRowsTest {

    private static final Timeline FRAME = new Timeline("frame", TimeType.SEQUENCE);
    private static final Field TEXT = Field.of("item", new ArrowType.Utf8(), true);
    private static final Field POINT = Field.struct("item", false, Field.of("x",
            new ArrowType.FloatingPoint(ArrowType.Precision.SINGLE), false), Field.of("on", new ArrowType.Bool(), true));

    /** Rows with times {@code first..first+n-1}; row i has text "t{time}" (null when time % 3 == 0) and a point. */
    private static Chunk chunk(int first, int n) {
        List<String> texts = new ArrayList<>();
        boolean[] valid = new boolean[n];
        int[] offsets = new int[n + 1];
        float[] xs = new float[n];
        boolean[] on = new boolean[n];
        long[] times = new long[n];
        List<Tuid> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int t = first + i;
            times[i] = t;
            valid[i] = t % 3 != 0;
            if (valid[i]) {
                texts.add("t" + t);
            }
            offsets[i + 1] = texts.size();
            xs[i] = t * 0.5f;
            on[i] = t % 2 == 0;
            ids.add(Tuid.next());
        }
        ArrowArray textLists = ArrowArray.list(n, valid, offsets, ArrowArray.utf8(texts));
        int[] one = new int[n + 1];
        Arrays.setAll(one, i -> i);
        ArrowArray points = ArrowArray.struct(n, null, List.of(ArrowArray.primitive(n, ArrowBuffer.ofFloats(xs)),
                new ArrowArray(n, 0, List.of(ArrowBuffer.EMPTY, ArrowBuffer.validityBitmap(on)), List.of())));
        return new Chunk(Tuid.next(), "/world/points", ids, List.of(new TimeColumn(FRAME, times)),
                List.of(new ComponentColumn(new ComponentDescriptor("Test", "Test:text", null), TEXT, textLists),
                        new ComponentColumn(new ComponentDescriptor("Test", "Test:point", null), POINT,
                                ArrowArray.list(n, null, one, points))));
    }

    /** Each row as text: time, text (or null), x, on; read back from IPC bytes. */
    private static List<String> rows(Chunk chunk) throws Exception {
        List<ByteBuffer> ipc = ArrowIpcWriter.write(ChunkCodec.toRecordBatch(chunk));
        ByteBuffer all = ByteBuffer.allocate((int) ArrowIpcWriter.length(ipc));
        ipc.forEach(b -> all.put(b.duplicate()));
        Chunk back = ChunkCodec.fromRecordBatch(ArrowIpcReader.read(all.flip()));
        ComponentColumn text = back.components().get(0);
        ComponentColumn point = back.components().get(1);
        List<String> out = new ArrayList<>();
        for (int row = 0; row < back.rowCount(); row++) {
            String t = text.isNull(row) ? "null" : text.items().utf8(text.start(row));
            ArrowArray struct = point.items();
            int p = point.start(row);
            float x = struct.child(0).values().getFloat(p * 4);
            boolean on = (struct.child(1).values().get(p >> 3) & (1 << (p & 7))) != 0;
            out.add(back.timelines().get(0).time(row) + " " + t + " " + x + " " + on);
        }
        return out;
    }

    @Test
    void keepsTheChosenRowsWithTheirValues() throws Exception {
        Chunk chunk = chunk(0, 10);
        Chunk kept = ChunkRows.keep(chunk, row -> row % 4 != 1);

        assertThat(kept.rowCount()).isEqualTo(7);
        assertThat(kept.id()).isNotEqualTo(chunk.id());
        List<String> all = rows(chunk);
        assertThat(rows(kept)).containsExactly(all.get(0), all.get(2), all.get(3), all.get(4), all.get(6), all.get(7),
                all.get(8));
        assertThat(ChunkRows.keep(chunk, row -> true)).isSameAs(chunk);
        assertThat(ChunkRows.keep(chunk, row -> false)).isNull();
    }

    @Test
    void joinsChunksOfOneShapeInOrder() throws Exception {
        Chunk a = chunk(0, 5);
        Chunk b = chunk(5, 4);
        Chunk c = ChunkRows.keep(chunk(9, 6), row -> row > 2);

        Chunk joined = ChunkRows.concat(List.of(a, b, c));

        List<String> expected = new ArrayList<>(rows(a));
        expected.addAll(rows(b));
        expected.addAll(rows(c));
        assertThat(rows(joined)).containsExactlyElementsOf(expected);
        assertThat(joined.rowIds()).startsWith(a.rowIds().toArray(Tuid[]::new));
        assertThat(ChunkRows.dataBytes(joined)).isGreaterThan(ChunkRows.dataBytes(a));
    }

    @Test
    void refusesChunksOfDifferentShapes() {
        Chunk a = chunk(0, 2);
        Chunk other = new Chunk(Tuid.next(), "/elsewhere", a.rowIds(), a.timelines(), a.components());
        assertThatThrownBy(() -> ChunkRows.concat(List.of(a, other))).isInstanceOf(IllegalArgumentException.class);
    }
}
