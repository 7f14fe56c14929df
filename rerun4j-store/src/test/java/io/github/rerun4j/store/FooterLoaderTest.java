package io.github.rerun4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.RrdManifestBuilder;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FooterLoaderTest {

    private static final String DEPTH = "/world/camera/depth";
    private static final int FRAMES = 40;

    @TempDir
    Path dir;

    /** A listener keeping one store, as the viewer's does; records messages and problems. */
    private static final class Collecting implements RecordingLoader.Listener {
        final ChunkStore store = new ChunkStore();
        final List<String> messages = new ArrayList<>();
        final List<LoadProblem> problems = new ArrayList<>();
        int announced;

        @Override
        public void message(LogMessage message, RrdRecord record) {
            messages.add(message.getClass().getSimpleName());
            if (message instanceof LogMessage.ChunkMessage c) {
                store.add(c.chunk());
            }
        }

        @Override
        public void problem(LoadProblem problem) {
            problems.add(problem);
        }

        @Override
        public void announced(RrdManifest manifest, ChunkLoader loader) {
            announced += manifest.chunks().size();
            store.addPending(manifest, loader);
        }
    }

    private Path recording(String name) throws Exception {
        Path file = dir.resolve(name);
        try (RecordingStream rec = RecordingStream.builder("footer_loader").batching(BatcherConfig.IMMEDIATE).saveTo(file)) {
            rec.logStatic("/world/camera", Pinhole.fromFocalLengthAndResolution(100, 4, 3));
            for (int f = 0; f < FRAMES; f++) {
                rec.setTimeSequence("frame", f);
                short[] depth = new short[12];
                Arrays.fill(depth, (short) (1000 + f));
                rec.log(DEPTH, DepthImage.fromU16(depth, 4, 3).withMeter(1000));
            }
        }
        return file;
    }

    private static Collecting open(Path file, boolean expectUsed) throws Exception {
        Collecting listener = new Collecting();
        try (FileChannel channel = FileChannel.open(file)) {
            FooterLoader.Opened opened = FooterLoader.open(channel, file.toString(), listener);
            assertThat(opened.used()).as("%s", opened).isEqualTo(expectUsed);
            if (expectUsed) {
                assertThat(opened.resumeAt()).isEqualTo(Files.size(file));
                assertThat(opened.unusable()).isNull();
            }
            listener.problems.add(opened.unusable() == null ? null
                    : new LoadProblem(file.toString(), null, 0, 0, LoadProblem.Kind.FOOTER, opened.unusable(), null));
            listener.problems.removeIf(java.util.Objects::isNull);
            if (expectUsed) {
                // Read while the channel is open: what a viewer's queries do.
                listener.store.latestAt(DEPTH, "DepthImage:buffer", "frame", FRAMES - 1);
            }
        }
        return listener;
    }

    @Test
    void aFileWithAFooterIsOpenedWithoutReadingItsChunksAndAnswersAsWhenReadWhole() throws Exception {
        Path file = recording("lazy.rrd");
        ChunkStore eager = ChunkStore.load(file);
        Collecting lazy = new Collecting();
        try (FileChannel channel = FileChannel.open(file)) {
            FooterLoader.Opened opened = FooterLoader.open(channel, file.toString(), lazy);
            assertThat(opened.used()).isTrue();
            // Only the store info was read; every chunk was announced.
            assertThat(lazy.messages).containsExactly("StoreInfoMessage");
            assertThat(lazy.announced).isEqualTo(eager.chunkCount());
            assertThat(lazy.store.pendingChunks()).isEqualTo(eager.chunkCount());
            assertThat(lazy.store.timelines()).isEqualTo(eager.timelines());

            RowRef last = lazy.store.latestAt(DEPTH, "DepthImage:buffer", "frame", FRAMES - 1).orElseThrow();
            assertThat(lazy.store.pendingChunks()).isEqualTo(eager.chunkCount() - 1);
            assertThat(last).usingRecursiveComparison().comparingOnlyFields("row", "time", "rowId")
                    .isEqualTo(eager.latestAt(DEPTH, "DepthImage:buffer", "frame", FRAMES - 1).orElseThrow());
            for (long t = -1; t <= FRAMES; t += 7) {
                assertThat(ArchetypeQueries.depthImageAt(lazy.store, DEPTH, "frame", t).map(l -> l.value()))
                        .as("frame %d", t).isEqualTo(ArchetypeQueries.depthImageAt(eager, DEPTH, "frame", t).map(l -> l.value()));
            }
            assertThat(ArchetypeQueries.pinholeAt(lazy.store, "/world/camera", "frame", 3).map(l -> l.value()))
                    .isEqualTo(ArchetypeQueries.pinholeAt(eager, "/world/camera", "frame", 3).map(l -> l.value()));
            lazy.store.loadPending();
            assertThat(lazy.store.pendingChunks()).isZero();
            assertThat(lazy.store.dataTimes("frame")).isEqualTo(eager.dataTimes("frame"));
        }
        assertThat(lazy.problems).isEmpty();
    }

    @Test
    void withoutAFooterNothingIsReadAndNothingIsSaid() throws Exception {
        Path whole = recording("whole.rrd");
        byte[] bytes = Files.readAllBytes(whole);
        // Cut before the End message: the file of a writer that is still running.
        Path cut = Files.write(dir.resolve("cut.rrd"), Arrays.copyOf(bytes, (int) endMessageOffset(bytes)));
        Collecting listener = open(cut, false);
        assertThat(listener.messages).isEmpty();
        assertThat(listener.problems).isEmpty();
    }

    @Test
    void aDamagedFooterIsNotUsedAndSaysWhy() throws Exception {
        byte[] bytes = Files.readAllBytes(recording("good.rrd"));
        byte[] flipped = bytes.clone();
        flipped[bytes.length - RrdFooter.TRAILER_BYTES - 5] ^= 0x40;
        Collecting listener = open(Files.write(dir.resolve("flipped.rrd"), flipped), false);
        assertThat(listener.problems).singleElement().extracting(LoadProblem::reason).asString().contains("checksum mismatch");
        assertThat(listener.messages).isEmpty();
    }

    @Test
    void aFileOfTwoStreamsIsNotOpenedByItsLastFooter() throws Exception {
        byte[] a = Files.readAllBytes(recording("a.rrd"));
        byte[] b = Files.readAllBytes(recording("b.rrd"));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        // The second stream's footer counts offsets from its own start: it does not describe this file, which is
        // valid all the same (read message by message, nothing to warn about).
        Collecting listener = open(Files.write(dir.resolve("both.rrd"), both), false);
        assertThat(listener.problems).isEmpty();
        assertThat(listener.store.chunkCount()).isZero();
        // Two streams whose last footer happens to fit this file's offsets: the first stream's End gives it away.
        byte[] shifted = Arrays.copyOf(b, b.length);
        Path second = Files.write(dir.resolve("second.rrd"), shifted);
        List<RrdManifest.Entry> entries = RrdFooter.read(second).get(0).chunks();
        RrdManifestBuilder moved = new RrdManifestBuilder(StoreId.recording("footer_loader", "x"));
        List<Chunk> chunks = LogMessageReader.readAll(second).stream().filter(m -> m instanceof LogMessage.ChunkMessage)
                .map(m -> ((LogMessage.ChunkMessage) m).chunk()).toList();
        for (int i = 0; i < chunks.size(); i++) {
            RrdManifest.Entry e = entries.get(i);
            moved.append(chunks.get(i), ChunkCodec.toRecordBatch(chunks.get(i)).fields(), a.length + e.byteOffset(), e.byteSize(),
                    e.byteSizeUncompressed());
        }
        long endAt = a.length + endMessageOffset(b);
        byte[] footer = RrdFooter.encode(List.of(moved), endAt);
        byte[] joined = Arrays.copyOf(both, (int) endAt + footer.length);
        System.arraycopy(footer, 0, joined, (int) endAt, footer.length);
        Collecting fitting = open(Files.write(dir.resolve("joined.rrd"), joined), false);
        assertThat(fitting.problems).isEmpty();
        assertThat(fitting.messages).isEmpty();
    }

    @Test
    void aFooterThatNamesTheWrongChunkIsCaughtWhenTheChunkIsRead() throws Exception {
        Path file = recording("swapped.rrd");
        byte[] bytes = Files.readAllBytes(file);
        List<RrdManifest.Entry> entries = RrdFooter.read(file).get(0).chunks();
        // A checksummed footer whose last two chunk ids are swapped: offsets fit, contents do not.
        RrdManifestBuilder lying = new RrdManifestBuilder(StoreId.recording("footer_loader", "x"));
        List<Chunk> chunks = LogMessageReader.readAll(file).stream().filter(m -> m instanceof LogMessage.ChunkMessage)
                .map(m -> ((LogMessage.ChunkMessage) m).chunk()).toList();
        int n = chunks.size();
        for (int i = 0; i < n; i++) {
            Chunk described = chunks.get(i == n - 1 ? n - 2 : i == n - 2 ? n - 1 : i);
            RrdManifest.Entry at = entries.get(i);
            lying.append(described, ChunkCodec.toRecordBatch(described).fields(), at.byteOffset(), at.byteSize(),
                    at.byteSizeUncompressed());
        }
        long endAt = endMessageOffset(bytes);
        byte[] footer = RrdFooter.encode(List.of(lying), endAt);
        byte[] liar = Arrays.copyOf(bytes, (int) endAt + footer.length);
        System.arraycopy(footer, 0, liar, (int) endAt, footer.length);
        Collecting listener = open(Files.write(dir.resolve("liar.rrd"), liar), true);
        assertThat(listener.problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(LoadProblem.Kind.FOOTER);
            assertThat(p.reason()).contains("the footer disagrees with the message at byte").contains("it was not read");
        });
    }

    /** Where the End message starts: the footer payload's offset (trailer) minus the message header. */
    private static long endMessageOffset(byte[] file) {
        return ByteBuffer.wrap(file, file.length - RrdFooter.TRAILER_BYTES, 8).order(ByteOrder.LITTLE_ENDIAN).getLong() - 16;
    }
}
