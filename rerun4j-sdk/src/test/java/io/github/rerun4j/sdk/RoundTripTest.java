package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.archetypes.Archetype;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcReader;
import io.github.rerun4j.sdk.internal.arrow.RecordBatch;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreSource;
import io.github.rerun4j.sdk.rrd.StoreKind;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.ValueRange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything logged through {@code saveTo(file)} and {@code saveTo(file, lz4)} reads back equal: every archetype
 * with every field, a DepthImage of each of the 11 channel datatypes (extreme values, NaN bit patterns included),
 * and the exact message sequence of rrd-format.md §6 (the {@code depth_image_3d} snippet).
 */
class RoundTripTest {

    @TempDir
    Path dir;

    /** One image per datatype, made with the typed factory, holding the type's extreme values. */
    static Map<ChannelDatatype, DepthImage> imagePerDatatype() {
        Map<ChannelDatatype, DepthImage> images = new EnumMap<>(ChannelDatatype.class);
        images.put(ChannelDatatype.U8, DepthImage.fromU8(new byte[] {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF}, 3, 2));
        images.put(ChannelDatatype.I8, DepthImage.fromI8(new byte[] {Byte.MIN_VALUE, -1, 0, 1, 100, Byte.MAX_VALUE}, 2, 3));
        images.put(ChannelDatatype.U16, DepthImage.fromU16(new short[] {0, 1, (short) 0x8000, (short) 0xFFFF, 1234, 20000}, 3, 2));
        images.put(ChannelDatatype.I16, DepthImage.fromI16(new short[] {Short.MIN_VALUE, -1, 0, 1, 300, Short.MAX_VALUE}, 6, 1));
        images.put(ChannelDatatype.U32, DepthImage.fromU32(new int[] {0, 1, 0x80000000, 0xFFFFFFFF, 7, 65536}, 1, 6));
        images.put(ChannelDatatype.I32, DepthImage.fromI32(new int[] {Integer.MIN_VALUE, -1, 0, 1, 42, Integer.MAX_VALUE}, 3, 2));
        images.put(ChannelDatatype.U64, DepthImage.fromU64(new long[] {0, 1, Long.MIN_VALUE, -1L, 99, 1L << 40}, 3, 2));
        images.put(ChannelDatatype.I64, DepthImage.fromI64(new long[] {Long.MIN_VALUE, -1, 0, 1, 5, Long.MAX_VALUE}, 2, 3));
        images.put(ChannelDatatype.F16, DepthImage.fromF16(new short[] {0x0000, (short) 0x8000, 0x3C00, 0x7BFF, 0x7C00, 0x7E01}, 3, 2));
        images.put(ChannelDatatype.F32, DepthImage.fromF32(new float[] {0f, -0f, 1.5f, Float.MAX_VALUE, Float.MIN_VALUE,
                Float.intBitsToFloat(0x7FC00001)}, 3, 2));
        images.put(ChannelDatatype.F64, DepthImage.fromF64(new double[] {0, -0.0, 2.25, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
                Double.NaN}, 3, 2));
        images.replaceAll((dt, img) -> img.withMeter(dt.isFloat() ? 1.0 : 1000.0 + dt.code())
                .withColormap(Colormap.values()[dt.ordinal() % Colormap.values().length])
                .withDepthRange(ValueRange.of(-dt.code(), dt.code() * 10.5))
                .withPointFillRatio(0.25 * (dt.ordinal() + 1))
                .withDrawOrder(-dt.code())
                .withMagnificationFilter(MagnificationFilter.values()[dt.ordinal() % MagnificationFilter.values().length]));
        assertThat(images).hasSize(11);
        images.forEach((dt, img) -> assertThat(img.datatype()).isEqualTo(dt));
        return images;
    }

    private static Map<String, List<Archetype>> readBack(Path file) throws Exception {
        Map<String, List<Archetype>> byEntity = new TreeMap<>();
        for (LogMessage m : LogMessageReader.readAll(file)) {
            if (m instanceof LogMessage.ChunkMessage c) {
                Chunk chunk = c.chunk();
                for (int row = 0; row < chunk.rowCount(); row++) {
                    List<Archetype> all = ArchetypeCodec.readAll(chunk, row);
                    assertThat(all).as(chunk + " row " + row).hasSize(1);
                    byEntity.computeIfAbsent(chunk.entityPath(), k -> new ArrayList<>()).add(all.get(0));
                }
            }
        }
        return byEntity;
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void everyArchetypeWithEveryFieldReadsBackEqual(boolean lz4) throws Exception {
        Path file = dir.resolve("all.rrd");
        Map<ChannelDatatype, DepthImage> images = imagePerDatatype();
        List<DepthImage> rawImages = new ArrayList<>();
        Map<String, List<Archetype>> logged = new TreeMap<>();
        try (RecordingStream rec = RecordingStream.builder("round_trip").saveTo(file, lz4)) {
            log(rec, logged, "/world/camera", SdkFixtures.fullPinhole());
            log(rec, logged, "/world/camera", SdkFixtures.fullTransform());
            log(rec, logged, "/world", ViewCoordinates.FLU);
            log(rec, logged, "/world/camera/depth", SdkFixtures.fullDepthImage());
            // Minimal archetypes: optional fields stay absent on the way back.
            log(rec, logged, "/minimal/pinhole", Pinhole.fromFocalLengthAndResolution(500, 640, 480));
            log(rec, logged, "/minimal/transform", Transform3D.fromTranslation(1, 2, 3));
            for (ChannelDatatype dt : ChannelDatatype.values()) {
                rec.setTimeSequence("frame", dt.ordinal());
                log(rec, logged, "/depth/" + dt.name().toLowerCase(), images.get(dt));
                // All datatypes also in one multi-row chunk of one entity.
                log(rec, logged, "/depth/all", images.get(dt));
                DepthImage raw = SdkFixtures.fullDepthImage(dt);
                rawImages.add(raw);
                log(rec, logged, "/raw", raw);
            }
        }
        Map<String, List<Archetype>> back = readBack(file);
        assertThat(back.keySet()).containsExactlyElementsOf(logged.keySet());
        for (String entity : logged.keySet()) {
            assertThat(back.get(entity)).as(entity).containsExactlyElementsOf(logged.get(entity));
        }
        // ImageBuffer equality is by content; make that explicit for one image per datatype.
        for (int i = 0; i < rawImages.size(); i++) {
            DepthImage b = (DepthImage) back.get("/raw").get(i);
            assertThat(b.buffer().toByteArray()).isEqualTo(rawImages.get(i).buffer().toByteArray());
            assertThat(b.format()).isEqualTo(rawImages.get(i).format());
        }
        Pinhole minimal = (Pinhole) back.get("/minimal/pinhole").get(0);
        assertThat(minimal.cameraXyz()).isNull();
        assertThat(minimal.color()).isNull();

        // The file is what was asked for: per-message LZ4 or not.
        try (RrdReader reader = RrdReader.open(file)) {
            int arrows = 0;
            for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.message() instanceof RrdMessage.ArrowMsg) {
                    arrows++;
                    assertThat(r.payloadCompression()).isEqualTo(lz4 ? Compression.LZ4 : Compression.NONE);
                }
            }
            assertThat(reader.streamHeader().lz4()).isEqualTo(lz4);
            assertThat(arrows).isGreaterThanOrEqualTo(logged.size());
        }
    }

    private static void log(RecordingStream rec, Map<String, List<Archetype>> logged, String entity, Archetype a) {
        rec.log(entity, a);
        logged.computeIfAbsent(entity, k -> new ArrayList<>()).add(a);
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void staticDataRoundTripsAsStatic(boolean lz4) throws Exception {
        Path file = dir.resolve("static.rrd");
        try (RecordingStream rec = RecordingStream.builder("round_trip").saveTo(file, lz4)) {
            rec.logStatic("world", ViewCoordinates.RIGHT_HAND_Z_UP);
            rec.log("world/camera", SdkFixtures.fullPinhole());
        }
        List<RrdRecord> records = RrdReader.readAll(file);
        List<Chunk> chunks = SdkFixtures.chunks(LogMessageReader.readAll(file));
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).isStatic()).isTrue();
        assertThat(chunks.get(0).timelines()).isEmpty();
        assertThat(ArchetypeCodec.readViewCoordinates(chunks.get(0), 0)).contains(ViewCoordinates.RFU);
        assertThat(chunks.get(1).isStatic()).isFalse();
        assertThat(records).filteredOn(r -> r.message() instanceof RrdMessage.ArrowMsg)
                .extracting(r -> ((RrdMessage.ArrowMsg) r.message()).isStatic()).containsExactly(true, false);
    }

    // ---- rrd-format.md §6: the depth_image_3d snippet ----

    /** 200x300 (h x w) u16 filled with 65535, [50:150, 50:150] = 20000, [130:180, 100:280] = 45000. */
    static short[] snippetPixels() {
        int h = 200;
        int w = 300;
        short[] img = new short[h * w];
        java.util.Arrays.fill(img, (short) 65535);
        for (int y = 50; y < 150; y++) {
            for (int x = 50; x < 150; x++) {
                img[y * w + x] = 20000;
            }
        }
        for (int y = 130; y < 180; y++) {
            for (int x = 100; x < 280; x++) {
                img[y * w + x] = (short) 45000;
            }
        }
        return img;
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void workedExampleDepthImage3d(boolean lz4) throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        long before = nowNanos();
        String recordingId;
        DepthImage image = DepthImage.fromU16(snippetPixels(), 300, 200).withMeter(10000.0).withColormap("viridis");
        Pinhole pinhole = Pinhole.fromFocalLengthAndResolution(200, 300, 200);
        try (RecordingStream rec = RecordingStream.builder("rerun_example_depth_image_3d").saveTo(file, lz4)) {
            recordingId = rec.recordingId();
            rec.log("world/camera", pinhole);
            rec.log("world/camera/depth", image);
        }
        long after = nowNanos();

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RRF2");
        assertThat(java.util.Arrays.copyOfRange(bytes, 4, 12)).containsExactly(0, 0x21, 0, 0, lz4 ? 1 : 0, 2, 0, 0);

        List<RrdRecord> records = RrdReader.readAll(file);
        // Store info, two chunks, then the End message carrying the footer.
        assertThat(records).extracting(r -> r.message().kind()).containsExactly(1L, 2L, 2L, 0L);
        RrdMessage.SetStoreInfo info = (RrdMessage.SetStoreInfo) records.get(0).message();
        assertThat(info.info().storeId().kind()).isEqualTo(StoreKind.RECORDING);
        assertThat(info.info().storeId().applicationId()).isEqualTo("rerun_example_depth_image_3d");
        assertThat(info.info().storeId().recordingId()).isEqualTo(recordingId).matches("[0-9a-f]{32}");
        assertThat(info.info().storeVersionBits()).isEqualTo(8448);
        assertThat(info.info().source().kind()).isEqualTo(StoreSource.KIND_OTHER);

        List<LogMessage> messages = LogMessageReader.readAll(file);
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).isInstanceOf(LogMessage.StoreInfoMessage.class);
        List<Chunk> chunks = SdkFixtures.chunks(messages);
        Chunk cam = chunks.get(0);
        Chunk depth = chunks.get(1);
        for (int i = 0; i < 2; i++) {
            RrdMessage.ArrowMsg arrow = (RrdMessage.ArrowMsg) records.get(i + 1).message();
            assertThat(arrow.storeId()).isEqualTo(info.info().storeId());
            assertThat(arrow.isStatic()).isFalse();
            assertThat(arrow.chunkId()).isEqualTo(chunks.get(i).id());
            assertThat(records.get(i + 1).payloadCompression()).isEqualTo(lz4 ? Compression.LZ4 : Compression.NONE);
            RecordBatch batch = ArrowIpcReader.read(arrow.ipc());
            assertThat(batch.metadata()).containsEntry("rerun:id", "chunk_" + arrow.chunkId());
        }

        assertThat(cam.entityPath()).isEqualTo("/world/camera");
        assertThat(cam.rowCount()).isEqualTo(1);
        assertThat(cam.components()).extracting(c -> c.descriptor().component())
                .containsExactly("Pinhole:image_from_camera", "Pinhole:resolution");
        assertThat(ArchetypeCodec.readPinhole(cam, 0)).contains(pinhole);
        assertThat(pinhole.imageFromCamera().columnMajor()).containsExactly(200, 0, 0, 0, 200, 0, 150, 100, 1);

        assertThat(depth.entityPath()).isEqualTo("/world/camera/depth");
        assertThat(depth.rowCount()).isEqualTo(1);
        assertThat(depth.components()).extracting(c -> c.descriptor().component())
                .containsExactly("DepthImage:buffer", "DepthImage:colormap", "DepthImage:format", "DepthImage:meter");
        DepthImage back = ArchetypeCodec.readDepthImage(depth, 0).orElseThrow();
        assertThat(back).isEqualTo(image);
        assertThat(back.colormap()).isEqualTo(Colormap.VIRIDIS);
        assertThat(back.buffer().size()).isEqualTo(120_000);
        Map<Integer, Integer> histogram = new TreeMap<>();
        ByteBuffer px = back.buffer().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 60_000; i++) {
            histogram.merge(Short.toUnsignedInt(px.getShort(2 * i)), 1, Integer::sum);
        }
        assertThat(histogram).isEqualTo(Map.of(65535, 42_000, 20000, 9_000, 45000, 9_000));
        ComponentColumn colormap = depth.component("DepthImage:colormap").orElseThrow();
        assertThat(Byte.toUnsignedInt(colormap.items().values().get(0))).isEqualTo(6);

        for (Chunk c : chunks) {
            assertThat(c.timelines()).extracting(t -> t.timeline().name() + ":" + t.timeline().type())
                    .containsExactlyInAnyOrder("log_tick:" + TimeType.SEQUENCE, "log_time:" + TimeType.TIMESTAMP);
        }
        assertThat(cam.timeline("log_tick").orElseThrow().time(0)).isZero();
        assertThat(depth.timeline("log_tick").orElseThrow().time(0)).isEqualTo(1);
        long t0 = cam.timeline("log_time").orElseThrow().time(0);
        long t1 = depth.timeline("log_time").orElseThrow().time(0);
        assertThat(t0).isBetween(before, after);
        assertThat(t1).isBetween(t0, after);
        // Row ids order the two log calls.
        assertThat(depth.rowIds().get(0)).isGreaterThan(cam.rowIds().get(0));
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void zeroLengthAndLargeImagesRoundTrip(boolean lz4) throws Exception {
        // 1x1 and a 1 MiB image in one file: the zero-copy write path and LZ4 on a large payload.
        Path file = dir.resolve("sizes.rrd");
        short[] big = new short[1024 * 512];
        for (int i = 0; i < big.length; i++) {
            big[i] = (short) (i * 31 + (i >> 9));
        }
        DepthImage tiny = DepthImage.fromU8(new byte[] {42}, 1, 1);
        DepthImage large = DepthImage.fromU16(big, 1024, 512);
        try (RecordingStream rec = RecordingStream.builder("round_trip").saveTo(file, lz4)) {
            rec.log("tiny", tiny);
            rec.log("large", large);
        }
        Map<String, List<Archetype>> back = readBack(file);
        assertThat(back.get("/tiny")).containsExactly(tiny);
        assertThat(back.get("/large")).containsExactly(large);
        assertThat(((DepthImage) back.get("/large").get(0)).buffer()).isEqualTo(ImageBuffer.of(big));
        if (lz4) {
            long footer = Files.size(file) - RrdReader.readAll(file).stream()
                    .filter(r -> r.message() instanceof RrdMessage.End).findFirst().orElseThrow().offset();
            assertThat(Files.size(file) - footer).as("compressed").isLessThan(1024L * 512 * 2);
        }
    }
}
