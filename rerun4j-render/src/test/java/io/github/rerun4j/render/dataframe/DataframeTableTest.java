package io.github.rerun4j.render.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.projection.Snippet3d;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowBuffer;
import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeQuery;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DataframeTableTest {

    private static ChunkStore store(Consumer<RecordingStream> logging) {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("dataframe_test").sink(sink)) {
            logging.accept(rec);
        }
        ChunkStore store = new ChunkStore();
        for (LogMessage m : sink.messages()) {
            if (m instanceof LogMessage.ChunkMessage c) {
                store.add(c.chunk());
            }
        }
        return store;
    }

    /** The depth_image_3d snippet, logged as the official example does. */
    private static ChunkStore snippet3d() {
        return store(rec -> {
            rec.log("world/camera", Snippet3d.pinhole());
            rec.log("world/camera/depth", Snippet3d.depth().withColormap(Colormap.VIRIDIS));
        });
    }

    @Test
    void depthImage3dCellsAreRerunsTexts() {
        DataframeTable t = DataframeTable.query(snippet3d(), DataframeQuery.onTimeline("log_tick"), 0, 100);
        assertThat(t.columns()).extracting(DataframeTable.Column::component).containsExactly(
                "Pinhole:image_from_camera", "Pinhole:resolution",
                "DepthImage:buffer", "DepthImage:colormap", "DepthImage:format", "DepthImage:meter");
        assertThat(t.columns().get(2).archetype()).isEqualTo("DepthImage");
        assertThat(t.columns().get(2).field()).isEqualTo("buffer");
        assertThat(t.columns().get(2).entities()).containsExactly("/world/camera/depth");
        assertThat(t.totalRows()).isEqualTo(2);
        assertThat(t.rows()).extracting(DataframeTable.Row::entityPath).containsExactly("/world/camera", "/world/camera/depth");
        assertThat(t.rows().get(0).cells()).containsExactly(
                "[200, 0, 0, 0, 200, 0, \u2026]", "[300, 200]", "-", "-", "-", "-");
        assertThat(t.rows().get(1).cells()).containsExactly(
                "-", "-", "[255, 255, 255, 255, 255, 255, \u2026]", "Viridis", "L U16 300\u00D7200", "10\u2009000");
        assertThat(t.rows()).extracting(DataframeTable.Row::timeText).containsExactly("0", "1");
        assertThat(t.timelineType()).isEqualTo(TimeType.SEQUENCE);
    }

    @Test
    void everyOptionalFieldHasItsText() {
        ChunkStore store = store(rec -> rec.log("d", DepthImage.fromF32(new float[] {1.5f, 2, 3, 4}, 2, 2)
                .withMeter(1000).withDepthRange(0.25, 12_345).withPointFillRatio(0.5).withDrawOrder(-3)
                .withMagnificationFilter(MagnificationFilter.NEAREST).withColormap(Colormap.TURBO)));
        DataframeTable t = DataframeTable.query(store, DataframeQuery.onTimeline("log_tick").withEntity("d"), 0, 10);
        assertThat(t.columns()).extracting(DataframeTable.Column::field).containsExactly("buffer", "colormap",
                "depth_range", "draw_order", "format", "magnification_filter", "meter", "point_fill_ratio");
        assertThat(t.rows().get(0).cells()).containsExactly("[0, 0, 192, 63, 0, 0, \u2026]", "Turbo",
                "[0.25, 12\u2009345]", "\u22123", "L F32 2\u00D72", "Nearest", "1\u2009000", "0.5");
    }

    @Test
    void staticRowsComeFirstWithAnEmptyTimeAndTimestampsAreIso() {
        ChunkStore store = store(rec -> {
            rec.logStatic("cam", Snippet3d.pinhole());
            rec.setTimestampNanos("when", 1_700_000_000_123_456_789L);
            rec.log("cam", Snippet3d.pinhole());
        });
        DataframeTable t = DataframeTable.query(store, DataframeQuery.onTimeline("when"), 0, 10);
        assertThat(t.rows()).extracting(DataframeTable.Row::timeText).containsExactly("", "2023-11-14T22:13:20.123456789Z");
        assertThat(t.rows().get(0).isStatic()).isTrue();
        assertThat(t.timelineType()).isEqualTo(TimeType.TIMESTAMP);
        assertThat(DataframeTable.query(store, DataframeQuery.staticOnly(), 0, 10).rows()).hasSize(1);
    }

    @Test
    void rowsOfOtherEntitiesShowADashAndAllNullColumnsShowNull() {
        ComponentDescriptor meter = ComponentDescriptor.of("DepthImage", "meter", "DepthMeter");
        ComponentDescriptor fill = ComponentDescriptor.of("DepthImage", "point_fill_ratio", "FillRatio");
        ChunkStore store = new ChunkStore();
        store.add(chunk("/a", floats(meter, 2f), floats(fill, (Float) null)));
        store.add(chunk("/b", floats(meter, 3f)));
        DataframeTable t = DataframeTable.query(store, DataframeQuery.onTimeline("frame"), 0, 10);
        assertThat(t.columns()).extracting(DataframeTable.Column::component).containsExactly(meter.component(), fill.component());
        assertThat(t.columns().get(0).entities()).containsExactly("/a", "/b");
        assertThat(t.rows().get(0).cells()).containsExactly("2", "null");
        assertThat(t.rows().get(1).cells()).containsExactly("3", "-");
    }

    @Test
    void unknownComponentsGetTheGenericRendererAndNeverThrow() {
        Field utf8 = Field.of("item", ArrowType.UTF8, true);
        ComponentColumn text = new ComponentColumn(new ComponentDescriptor(null, "note", null), utf8,
                ArrowArray.list(1, null, new int[] {0, 2}, ArrowArray.utf8(List.of("a,b", "c"))));
        Field i32 = Field.of("item", ArrowType.INT32, false);
        ComponentColumn many = new ComponentColumn(new ComponentDescriptor(null, "Thing:ids", null), i32,
                ArrowArray.list(1, null, new int[] {0, 8}, ArrowArray.primitive(8, ArrowBuffer.ofInts(new int[] {1, -2, 3, 4_000_000, 5, 6, 7, 8}))));
        // Declares Float64 but holds 2 bytes: unreadable, not an exception.
        Field f64 = Field.of("item", ArrowType.FLOAT64, false);
        ComponentColumn broken = new ComponentColumn(new ComponentDescriptor(null, "Thing:broken", null), f64,
                ArrowArray.list(1, null, new int[] {0, 1}, ArrowArray.primitive(1, ArrowBuffer.of(new byte[2]))));
        Field odd = Field.of("item", new ArrowType.Date(false), false);
        ComponentColumn date = new ComponentColumn(new ComponentDescriptor(null, "Thing:date", null), odd,
                ArrowArray.list(1, null, new int[] {0, 1}, ArrowArray.primitive(1, ArrowBuffer.ofInts(new int[] {3}))));
        ChunkStore store = new ChunkStore();
        store.add(new Chunk(new Tuid(1, 1), "/x", List.of(new Tuid(2, 1)),
                List.of(new TimeColumn(Timeline.sequence("frame"), new long[] {1})), List.of(text, many, broken, date)));
        DataframeTable t = DataframeTable.query(store, DataframeQuery.onTimeline("frame"), 0, 10);
        assertThat(t.columns()).extracting(DataframeTable.Column::component)
                .containsExactly("Thing:broken", "Thing:date", "Thing:ids", "note");
        assertThat(t.columns().get(3).archetype()).isEmpty();
        assertThat(t.rows().get(0).cells()).containsExactly("<unreadable Float64>", "<Date32>",
                "[1, \u22122, 3, 4\u2009000\u2009000, 5, 6, \u2026]", "[a,b, c]");
    }

    private static Chunk chunk(String entity, ComponentColumn... columns) {
        return new Chunk(Tuid.next(), entity, List.of(Tuid.next()),
                List.of(new TimeColumn(Timeline.sequence("frame"), new long[] {1})), List.of(columns));
    }

    /** One row with one Float32 instance, or a null entry. */
    private static ComponentColumn floats(ComponentDescriptor d, Float value) {
        Field item = Field.of("item", ArrowType.FLOAT32, false);
        ArrowArray items = ArrowArray.primitive(value == null ? 0 : 1, ArrowBuffer.ofFloats(value == null ? new float[0] : new float[] {value}));
        return new ComponentColumn(d, item, ArrowArray.list(1, new boolean[] {value != null}, new int[] {0, value == null ? 0 : 1}, items));
    }
}
