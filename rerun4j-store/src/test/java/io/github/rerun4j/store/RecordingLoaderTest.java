package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.sink.FileSink;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one read loop: footers, cut-off files, skipped messages, out-of-memory, and problems that name their file. */
class RecordingLoaderTest {

    private static final StoreId REC = StoreId.recording("loader_test", "rec");

    @TempDir
    Path dir;

    private Path write(String name, int chunks) throws Exception {
        Path file = dir.resolve(name);
        try (FileSink sink = FileSink.create(file)) {
            sink.send(new LogMessage.StoreInfoMessage(StoreInfo.of(REC)));
            for (int i = 0; i < chunks; i++) {
                sink.send(new LogMessage.ChunkMessage(REC, meter("/e", "frame", i, 10 + i, v(i))));
            }
        }
        return io.github.rerun4j.sdk.rrd.Footers.strip(file);  // these tests are about the messages
    }

    /** What a listener saw. */
    private static class Seen implements RecordingLoader.Listener {
        final List<RrdRecord> framed = new ArrayList<>();
        final List<LogMessage> messages = new ArrayList<>();
        final List<LoadProblem> problems = new ArrayList<>();

        @Override
        public void framed(RrdRecord record) {
            framed.add(record);
        }

        @Override
        public void message(LogMessage message, RrdRecord record) {
            messages.add(message);
        }

        @Override
        public void problem(LoadProblem problem) {
            problems.add(problem);
        }
    }

    private static Seen load(Path file) throws Exception {
        Seen seen = new Seen();
        try (RrdReader reader = RrdReader.open(file)) {
            RecordingLoader.of(reader, file.toString(), seen).readAll();
        }
        return seen;
    }

    @Test
    void messagesTheListenerDoesNotWantAreFramedButNeverDecoded() throws Exception {
        Path file = write("wanted.rrd", 4);
        List<Long> asked = new ArrayList<>();
        Seen seen = new Seen() {
            @Override
            public boolean wanted(RrdRecord record) {
                asked.add(record.offset());
                return asked.size() % 2 == 1;  // the store info, chunk 1 and chunk 3 of 4
            }
        };
        try (RrdReader reader = RrdReader.open(file)) {
            RecordingLoader.of(reader, file.toString(), seen).readAll();
        }
        assertThat(seen.framed).hasSize(5);
        assertThat(asked).hasSize(5);
        assertThat(seen.problems).isEmpty();
        assertThat(seen.messages).hasSize(3);
        assertThat(seen.messages.stream().filter(m -> m instanceof LogMessage.ChunkMessage)
                .map(m -> ((LogMessage.ChunkMessage) m).chunk().timeline("frame").orElseThrow().time(0)))
                .containsExactly(1L, 3L);
    }

    @Test
    void aFileRerunSavedEndsWithAnEndMessageAndFooterThatCarryNoData() throws Exception {
        Path rerunWrote = Path.of(Objects.requireNonNull(getClass().getResource("/rrd/ref_points_viewer_saved.rrd")).toURI());
        Seen seen = load(rerunWrote);
        assertThat(seen.problems).isEmpty();
        assertThat(seen.framed).hasSize(3);  // SetStoreInfo, ArrowMsg, End
        assertThat(seen.messages).hasSize(2);
        Recordings all = Recordings.load(rerunWrote);
        assertThat(all.problems()).isEmpty();
        assertThat(all.firstRecording().orElseThrow().store().rowCount()).isPositive();
    }

    @Test
    void anSdkFileEndedTheWayRerunEndsItLoadsWhole() throws Exception {
        Path file = write("footer.rrd", 3);
        io.github.rerun4j.sdk.rrd.Footers.appendStandIn(file);
        Seen seen = load(file);
        assertThat(seen.problems).isEmpty();
        assertThat(seen.messages).hasSize(4);
        assertThat(Recordings.load(file).get(REC).orElseThrow().store().rowCount()).isEqualTo(3);
    }

    @Test
    void aFileThatEndsInsideAMessageIsReportedAsCutOffWithWhatIsIntact() throws Exception {
        Path file = write("torn.rrd", 3);
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 10);
        }
        Seen seen = load(file);
        assertThat(seen.messages).hasSize(3);  // store info and two chunks
        assertThat(seen.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(LoadProblem.Kind.CUT_OFF);
            assertThat(p.store()).isEqualTo(REC);
            assertThat(p.describe()).startsWith(file + ": cut off mid-write: the file ends inside message 4, which starts at byte "
                    + p.messageOffset() + " (").endsWith("; the 3 messages before it are intact");
        });
    }

    @Test
    void damageThatIsNotACutIsNotCalledOne() throws Exception {
        Path file = write("damaged.rrd", 3);
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] = 99;  // the first message's kind
        Files.write(file, bytes);
        Seen seen = load(file);
        assertThat(seen.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(LoadProblem.Kind.DAMAGED);
            assertThat(p.describe()).startsWith(file + ": ").contains("unknown kind 99").doesNotContain("cut off");
        });
    }

    @Test
    void aMessageThatDoesNotDecodeIsSkippedAndTheRestIsRead() throws Exception {
        Path file = write("badchunk.rrd", 3);
        List<RrdRecord> records = RrdReader.readAll(file);
        RrdRecord second = records.get(2);
        byte[] bytes = Files.readAllBytes(file);
        // The Arrow IPC continuation marker near the end of the payload: framing stays intact, the chunk does not.
        int ipcStart = (int) (second.offset() + second.framedLength()) - 200;
        for (int i = ipcStart; i < second.offset() + second.framedLength(); i++) {
            bytes[i] = (byte) 0xEE;
        }
        Files.write(file, bytes);
        Seen seen = load(file);
        assertThat(seen.framed).hasSize(4);
        assertThat(seen.problems).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(LoadProblem.Kind.SKIPPED));
        assertThat(seen.messages).hasSize(3);
    }

    @Test
    void runningOutOfMemoryIsAProblemOfTheFileNotAnEscapingError() throws Exception {
        Path file = write("oom.rrd", 3);
        List<LoadProblem> problems = new ArrayList<>();
        int[] chunks = {0};
        try (RrdReader reader = RrdReader.open(file)) {
            RecordingLoader loader = RecordingLoader.of(reader, "oom.rrd", new RecordingLoader.Listener() {
                @Override
                public void message(LogMessage message, RrdRecord record) {
                    if (message instanceof LogMessage.ChunkMessage && ++chunks[0] == 2) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                }

                @Override
                public void problem(LoadProblem problem) {
                    problems.add(problem);
                }
            });
            loader.readAll();
            assertThat(loader.step()).isFalse();
        }
        assertThat(chunks[0]).isEqualTo(2);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(LoadProblem.Kind.OUT_OF_MEMORY);
            assertThat(p.describe()).startsWith("oom.rrd: out of memory reading message 3 at byte ").contains("-Xmx");
        });
    }
}
