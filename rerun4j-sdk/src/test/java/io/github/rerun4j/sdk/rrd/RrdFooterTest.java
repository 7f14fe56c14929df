package io.github.rerun4j.sdk.rrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footer FileSink writes at close: Rerun's End message, one manifest per store and the checksummed trailer,
 * with the manifest's columns as Rerun's own encoder writes them (checked against a file Rerun 0.33 wrote), and
 * a reader that trusts none of it: a cut-off footer, a checksum that does not match, or chunks placed outside the
 * file are errors naming the problem, never wrong entries or an allocation of the claimed size.
 */
class RrdFooterTest {

    private static final Path RERUN_WRITTEN = Path.of("src/test/resources/rrd/ref_points_viewer_saved.rrd");

    @TempDir
    Path dir;

    @Test
    void rebuildingTheManifestOfARerunWrittenFileGivesRerunsColumnsAndRows() throws Exception {
        List<RrdManifest> rerun = RrdFooter.read(RERUN_WRITTEN);
        assertThat(rerun).hasSize(1);

        // The same manifest, built by rerun4j from the file's chunks and where they lie.
        RrdManifestBuilder builder = null;
        long endAt = 0;
        try (RrdReader reader = RrdReader.open(RERUN_WRITTEN)) {
            for (RrdRecord record = reader.next(); record != null; record = reader.next()) {
                if (record.message() instanceof RrdMessage.ArrowMsg arrow) {
                    LogMessage.ChunkMessage chunk = (LogMessage.ChunkMessage) LogMessageCodec.decode(record);
                    if (builder == null) {
                        builder = new RrdManifestBuilder(arrow.storeId());
                    }
                    Chunk c = chunk.chunk();
                    builder.append(c, ChunkCodec.toRecordBatch(c).fields(), record.offset() + 16, record.framedLength() - 16,
                            arrow.ipc().remaining());
                } else if (record.message() instanceof RrdMessage.End) {
                    endAt = record.offset();
                }
            }
        }
        RrdManifest ours = RrdManifest.decode(builder.encode(), endAt);

        assertThat(describe(ours.fields())).isEqualTo(describe(rerun.get(0).fields()));
        assertThat(ours.chunks()).isEqualTo(rerun.get(0).chunks());
        // Rerun's footer says which components each chunk holds and when: what opening a file lazily needs.
        assertThat(rerun.get(0).chunks()).allSatisfy(e ->
                assertThat(e.isStatic() ? e.staticComponents() : e.componentTimeRanges().keySet()).isNotEmpty());
        assertThat(rerun.get(0).components()).isNotEmpty();
        assertThat(ours.storeId()).isEqualTo(rerun.get(0).storeId());
    }

    @Test
    void rerunsColumnNamesFollowFromTheirComponents() throws Exception {
        for (Field f : RrdFooter.read(RERUN_WRITTEN).get(0).fields()) {
            Map<String, String> md = f.metadata();
            if (md.containsKey("rerun:component")) {
                ComponentDescriptor d = new ComponentDescriptor(md.get("rerun:archetype"), md.get("rerun:component"),
                        md.get("rerun:component_type"));
                String suffix = f.name().substring(f.name().lastIndexOf(':') + 1);
                String index = md.get("rerun:index");
                assertThat(RrdManifestBuilder.columnName("rerun:static".equals(index) ? null : index, d, suffix)).isEqualTo(f.name());
            }
        }
        assertThat(RrdManifestBuilder.columnName("frame-nr", new ComponentDescriptor("example.My Points", "example.My Points:colors", null),
                "start")).isEqualTo("frame_nr:example_My_Points:colors:start");
    }

    @Test
    void aClosedFileSinkEndsWithAManifestOfEveryChunk() throws Exception {
        Path file = dir.resolve("footer.rrd");
        try (RecordingStream rec = RecordingStream.builder("footer").batching(BatcherConfig.IMMEDIATE).defaultTimelines(false)
                .saveTo(file, true)) {
            rec.logStatic("cam", Pinhole.fromFocalLengthAndResolution(500, 40, 30));
            for (int i = 0; i < 5; i++) {
                rec.setTimeSequence("frame", 10 + i);
                rec.log("cam/depth", DepthImage.fromU16(new short[40 * 30], 40, 30));
            }
        }
        List<RrdManifest> manifests = RrdFooter.read(file);
        assertThat(manifests).hasSize(1);
        RrdManifest manifest = manifests.get(0);

        List<RrdManifest.Entry> expected = new ArrayList<>();
        try (RrdReader reader = RrdReader.open(file)) {
            for (RrdRecord record = reader.next(); record != null; record = reader.next()) {
                if (record.message() instanceof RrdMessage.ArrowMsg arrow) {
                    Chunk c = ((LogMessage.ChunkMessage) LogMessageCodec.decode(record)).chunk();
                    Map<String, RrdManifest.TimeRange> ranges = new java.util.LinkedHashMap<>();
                    c.timelines().forEach(t -> ranges.put(t.timeline().name(), new RrdManifest.TimeRange(t.min(), t.max())));
                    // Per component and timeline, the times of the rows where it is not null; a static chunk's components.
                    Map<String, Map<String, RrdManifest.TimeRange>> componentRanges = new java.util.LinkedHashMap<>();
                    for (var column : c.components()) {
                        for (var t : c.timelines()) {
                            long min = Long.MAX_VALUE;
                            long max = Long.MIN_VALUE;
                            for (int row = 0; row < c.rowCount(); row++) {
                                if (!column.isNull(row)) {
                                    min = Math.min(min, t.time(row));
                                    max = Math.max(max, t.time(row));
                                }
                            }
                            if (min <= max) {
                                componentRanges.computeIfAbsent(column.descriptor().component(), k -> new java.util.LinkedHashMap<>())
                                        .put(t.timeline().name(), new RrdManifest.TimeRange(min, max));
                            }
                        }
                    }
                    java.util.Set<String> statics = c.isStatic()
                            ? c.components().stream().map(col -> col.descriptor().component()).collect(java.util.stream.Collectors.toSet())
                            : java.util.Set.of();
                    expected.add(new RrdManifest.Entry(c.entityPath(), c.id(), c.isStatic(), c.rowCount(), record.offset() + 16,
                            record.framedLength() - 16, arrow.ipc().remaining(), ranges, componentRanges, statics));
                }
            }
        }
        assertThat(manifest.chunks()).isEqualTo(expected).hasSize(6);
        assertThat(manifest.chunks()).filteredOn(RrdManifest.Entry::isStatic).singleElement()
                .satisfies(e -> assertThat(e.staticComponents()).contains("Pinhole:image_from_camera"));
        assertThat(manifest.chunks()).filteredOn(e -> !e.isStatic()).first()
                .satisfies(e -> assertThat(e.componentTimeRanges().get("DepthImage:buffer").get("frame"))
                        .isEqualTo(new RrdManifest.TimeRange(10, 10)));
        assertThat(manifest.components().get("DepthImage:buffer").archetype()).isEqualTo("rerun.archetypes.DepthImage");
        assertThat(manifest.timelines()).containsEntry("frame", io.github.rerun4j.sdk.chunk.TimeType.SEQUENCE);
        assertThat(manifest.chunks()).filteredOn(e -> !e.isStatic()).extracting(e -> e.timeRanges().get("frame").min())
                .containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(manifest.fields()).extracting(Field::name).contains("chunk_byte_offset", "Pinhole:image_from_camera:has_static_data",
                "frame:start", "frame:end", "frame:DepthImage:buffer:start", "frame:DepthImage:buffer:num_rows");
        // Every message before the footer still reads as it did.
        assertThat(LogMessageReader.readAll(file)).hasSize(7);
    }

    @Test
    void aFileWithoutChunksGetsNoFooter() throws Exception {
        Path file = dir.resolve("empty.rrd");
        try (RecordingStream rec = RecordingStream.builder("empty").saveTo(file)) {
            rec.flush();
        }
        assertThatThrownBy(() -> RrdFooter.read(file)).isInstanceOf(IOException.class).hasMessageContaining("no footer");
    }

    @Test
    void aDamagedFooterIsAnErrorNamingItNeverWrongEntries() throws Exception {
        Path good = dir.resolve("good.rrd");
        try (RecordingStream rec = RecordingStream.builder("damage").batching(BatcherConfig.IMMEDIATE).saveTo(good)) {
            rec.log("d", DepthImage.fromU16(new short[4], 2, 2));
        }
        byte[] bytes = Files.readAllBytes(good);
        int trailer = bytes.length - RrdFooter.TRAILER_BYTES;

        byte[] flipped = bytes.clone();
        flipped[trailer - 5] ^= 0x40;  // inside the footer payload
        assertThatThrownBy(() -> RrdFooter.read(write("flipped.rrd", flipped))).hasMessageContaining("checksum mismatch");

        assertThatThrownBy(() -> RrdFooter.read(write("cut.rrd", Arrays.copyOf(bytes, bytes.length - 7))))
                .hasMessageContaining("no footer");

        byte[] huge = bytes.clone();
        java.nio.ByteBuffer.wrap(huge, trailer + 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> RrdFooter.read(write("huge.rrd", huge))).hasMessageContaining("footer trailer points at");

        // A valid, checksummed footer whose manifest places a chunk after the end of the file's messages.
        RrdManifestBuilder lying = new RrdManifestBuilder(StoreId.recording("damage", "x"));
        Chunk chunk = ((LogMessage.ChunkMessage) LogMessageReader.readAll(good).stream()
                .filter(m -> m instanceof LogMessage.ChunkMessage).findFirst().orElseThrow()).chunk();
        lying.append(chunk, ChunkCodec.toRecordBatch(chunk).fields(), 1L << 40, 100, 100);
        long endAt = bytes.length - RrdFooter.TRAILER_BYTES - footerPayloadLength(bytes) - 16;
        byte[] body = Arrays.copyOf(bytes, (int) endAt);
        byte[] footer = RrdFooter.encode(List.of(lying), endAt);
        byte[] liar = Arrays.copyOf(body, body.length + footer.length);
        System.arraycopy(footer, 0, liar, body.length, footer.length);
        assertThatThrownBy(() -> RrdFooter.read(write("liar.rrd", liar))).hasMessageContaining("outside the file's messages");
        // The damage is in the footer only: every message still reads.
        assertThat(LogMessageReader.readAll(write("liar2.rrd", liar))).isNotEmpty();
    }

    private static long footerPayloadLength(byte[] file) {
        return java.nio.ByteBuffer.wrap(file, file.length - RrdFooter.TRAILER_BYTES + 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<String> describe(List<Field> fields) {
        return fields.stream().map(f -> f.name() + " " + f.typeString() + (f.nullable() ? " null" : "") + " " + new java.util.TreeMap<>(f.metadata())).toList();
    }
}
