package io.github.rerun4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.internal.batch.ChunkBuilder;
import io.github.rerun4j.sdk.internal.batch.PendingRow;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.DepthImageFields;
import io.github.rerun4j.sdk.internal.codec.ComponentValue;
import io.github.rerun4j.sdk.internal.codec.Serializers;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreKind;
import io.github.rerun4j.sdk.sink.FileSink;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.Vec3D;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchetypeQueriesTest {

    private static final String DEPTH = "/world/camera/depth";
    private static final String CAMERA = "/world/camera";

    /** A 3x2 U16 image whose every pixel is {@code value}. */
    private static DepthImage image(int value) {
        short[] px = new short[6];
        java.util.Arrays.fill(px, (short) value);
        return DepthImage.fromU16(px, 3, 2);
    }

    private static int firstPixel(DepthImage d) {
        return d.buffer().asByteBuffer().getShort(0);
    }

    /** Frames 0, 2 (with a colormap), 5 of a depth image; static pinhole; static meter logged on its own. */
    private static Path writeRecording(Path dir) throws Exception {
        Path file = dir.resolve("depth.rrd");
        FileSink sink = FileSink.create(file);
        try (RecordingStream rec = RecordingStream.builder("store_test").recordingId("rec1").sink(sink)) {
            rec.logStatic(CAMERA, Pinhole.fromFocalLengthAndResolution(100, 3, 2));
            rec.logStatic("/world", ViewCoordinates.RDF);
            rec.setTimeSequence("frame", 0);
            rec.log(DEPTH, image(100));
            rec.setTimeSequence("frame", 2);
            rec.log(DEPTH, image(200).withColormap(Colormap.MAGMA));
            rec.setTimeSequence("frame", 5);
            rec.log(DEPTH, image(500));
            rec.flush();
            // a meter alone, as static data (no archetype of the SDK logs a lone component)
            PendingRow meterRow = new PendingRow(DEPTH, Tuid.next(), Map.of(),
                    List.of(new ComponentValue<>(DepthImageFields.METER, Serializers.FLOAT32, 1000f)));
            for (Chunk c : ChunkBuilder.build(List.of(meterRow), 10)) {
                sink.send(new LogMessage.ChunkMessage(rec.storeId(), c));
            }
        }
        return file;
    }

    @Test
    void depthImageAtJoinsTheStaticMeterAndPicksTheLatestImage(@TempDir Path dir) throws Exception {
        ChunkStore store = ChunkStore.load(writeRecording(dir));

        assertThat(ArchetypeQueries.depthImageAt(store, DEPTH, "frame", -1)).isEmpty();
        long[][] expected = {{0, 0, 100}, {1, 0, 100}, {2, 2, 200}, {4, 2, 200}, {5, 5, 500}, {99, 5, 500}};
        for (long[] e : expected) {
            Latest<DepthImage> d = ArchetypeQueries.depthImageAt(store, DEPTH, "frame", e[0]).orElseThrow();
            assertThat(d.time()).as("frame %d", e[0]).isEqualTo(OptionalLong.of(e[1]));
            assertThat(firstPixel(d.value())).as("frame %d", e[0]).isEqualTo((int) e[2]);
            assertThat(d.value().meter()).as("static meter at frame %d", e[0]).isEqualTo(1000f);
            assertThat(d.value().width()).isEqualTo(3);
            assertThat(d.value().height()).isEqualTo(2);
        }
        // optional components are joined latest-at on their own: the colormap of frame 2 still applies at 5
        assertThat(ArchetypeQueries.depthImageAt(store, DEPTH, "frame", 1).orElseThrow().value().colormap()).isNull();
        assertThat(ArchetypeQueries.depthImageAt(store, DEPTH, "frame", 5).orElseThrow().value().colormap())
                .isEqualTo(Colormap.MAGMA);
        // no image is static, so none is visible without a timeline
        assertThat(ArchetypeQueries.depthImageAt(store, DEPTH, null, 0)).isEmpty();
        assertThat(store.latestTime("frame")).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void staticPinholeAndViewCoordinatesAreVisibleAtEveryFrame(@TempDir Path dir) throws Exception {
        ChunkStore store = ChunkStore.load(writeRecording(dir));
        for (long frame : new long[] {-5, 0, 3, 100}) {
            Latest<Pinhole> p = ArchetypeQueries.pinholeAt(store, CAMERA, "frame", frame).orElseThrow();
            assertThat(p.isStatic()).isTrue();
            assertThat(p.value().imageFromCamera())
                    .isEqualTo(Pinhole.fromFocalLengthAndResolution(100, 3, 2).imageFromCamera());
            assertThat(p.value().resolution()).isNotNull();
        }
        assertThat(ArchetypeQueries.viewCoordinatesAt(store, "/world", "frame", 3).orElseThrow().value())
                .isEqualTo(ViewCoordinates.RDF);
        assertThat(ArchetypeQueries.pinholeAt(store, DEPTH, "frame", 3)).isEmpty();
        assertThat(store.entityTree().find(CAMERA).orElseThrow().hasData()).isTrue();
    }

    @Test
    void recordingsKeepTheStoreInfo(@TempDir Path dir) throws Exception {
        Recordings all = Recordings.load(writeRecording(dir));
        assertThat(all.problems()).isEmpty();
        assertThat(all.recordings()).singleElement().satisfies(r -> {
            assertThat(r.id().kind()).isEqualTo(StoreKind.RECORDING);
            assertThat(r.id().recordingId()).isEqualTo("rec1");
            assertThat(r.storeInfo()).isPresent();
            assertThat(r.store().entityPaths()).containsExactly("/world", CAMERA, DEPTH);
        });
    }

    @Test
    void aClearedOptionalComponentIsAbsent() {
        ChunkStore store = new ChunkStore();
        store.addAll(rows(row(DEPTH, 1, ArchetypeCodec.encode(image(1).withMeter(500)))));
        // at frame 3 the meter alone is logged as an empty list: a clear
        store.add(TestChunks.chunk(DEPTH, "frame", new long[] {3}, new long[] {1},
                TestChunks.floats(DepthImageFields.METER, TestChunks.CLEARED)));

        assertThat(ArchetypeQueries.depthImageAt(store, DEPTH, "frame", 2).orElseThrow().value().meter()).isEqualTo(500f);
        Latest<DepthImage> at3 = ArchetypeQueries.depthImageAt(store, DEPTH, "frame", 3).orElseThrow();
        assertThat(at3.time()).isEqualTo(OptionalLong.of(1));
        assertThat(at3.value().meter()).isNull();
    }

    @Test
    void transform3DUsesTheNewestRowAtomically() {
        ChunkStore store = new ChunkStore();
        store.addAll(rows(
                row(CAMERA, 1, ArchetypeCodec.encode(Transform3D.fromTranslation(1, 2, 3).withScale(2))),
                row(CAMERA, 3, ArchetypeCodec.encode(Transform3D.fromTranslation(4, 5, 6)))));

        assertThat(ArchetypeQueries.transform3DAt(store, CAMERA, "frame", 0)).isEmpty();
        Transform3D at2 = ArchetypeQueries.transform3DAt(store, CAMERA, "frame", 2).orElseThrow().value();
        assertThat(at2.translation()).isEqualTo(Vec3D.of(1, 2, 3));
        assertThat(at2.scale()).isEqualTo(Vec3D.of(2, 2, 2));
        Latest<Transform3D> at4 = ArchetypeQueries.transform3DAt(store, CAMERA, "frame", 4).orElseThrow();
        assertThat(at4.time()).isEqualTo(OptionalLong.of(3));
        assertThat(at4.value().translation()).isEqualTo(Vec3D.of(4, 5, 6));
        assertThat(at4.value().scale()).as("not joined from the older row").isNull();

        // a static transform shadows every temporal one
        store.addAll(rows(row(CAMERA, null, ArchetypeCodec.encode(Transform3D.fromTranslation(9, 9, 9)))));
        assertThat(ArchetypeQueries.transform3DAt(store, CAMERA, "frame", 4).orElseThrow().value().translation())
                .isEqualTo(Vec3D.of(9, 9, 9));
    }

    private static PendingRow row(String entity, Long frame, List<ComponentValue<?>> values) {
        return new PendingRow(entity, Tuid.next(), frame == null ? Map.of() : Map.of(Timeline.sequence("frame"), frame), values);
    }

    private static PendingRow row(String entity, long frame, List<ComponentValue<?>> values) {
        return row(entity, Long.valueOf(frame), values);
    }

    private static List<Chunk> rows(PendingRow... rows) {
        return ChunkBuilder.build(List.of(rows), 100);
    }
}
