package io.github.rerun4j.sdk.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code .rrd} stream on an {@link java.io.OutputStream} and on the process's real standard output. */
class StreamSinkTest {

    @TempDir
    Path dir;

    /** A recording's messages (store info, a static chunk, temporal chunks), taken from a MemorySink. */
    static List<LogMessage> recording(int frames) {
        MemorySink memory = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("stream_sink").recordingId("r1").sink(memory)) {
            rec.logStatic("cam", TestImages.image(1, 0, 4, 3));
            for (int f = 0; f < frames; f++) {
                rec.setTimeSequence("frame", f);
                rec.log("cam/depth", TestImages.image(2, f, 16, 12));
                rec.flush();
            }
        }
        return memory.messages();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writesExactlyTheBytesOfAFileSink(boolean lz4) throws IOException {
        List<LogMessage> messages = recording(5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path file = dir.resolve("same.rrd");
        try (StreamSink stream = StreamSink.to(bytes, "buffer", lz4); FileSink fileSink = FileSink.create(file, lz4, false)) {
            for (LogMessage m : messages) {
                stream.send(m);
                fileSink.send(m);
            }
            assertThat(stream.bytesWritten()).isEqualTo(bytes.size());
        }
        assertSameRecording(bytes.toByteArray(), Files.readAllBytes(file));
        assertThat(LogMessageReader.readAll(file)).hasSize(messages.size());
    }

    /**
     * The two byte sequences are the same {@code .rrd} stream: same header, same framing, same lengths, same
     * store infos and same Arrow payloads (each encoding gives a store info a fresh row id, so whole bytes differ).
     */
    static void assertSameRecording(byte[] actual, byte[] expected) throws IOException {
        assertThat(actual.length).isEqualTo(expected.length);
        try (RrdReader a = RrdReader.of(new ByteArrayInputStream(actual)); RrdReader e = RrdReader.of(new ByteArrayInputStream(expected))) {
            int records = 0;
            for (RrdRecord ra = a.next(), re = e.next(); ra != null || re != null; ra = a.next(), re = e.next(), records++) {
                assertThat(ra).as("record " + records).isNotNull();
                assertThat(re).as("record " + records).isNotNull();
                assertThat(ra.offset()).isEqualTo(re.offset());
                assertThat(ra.framedLength()).isEqualTo(re.framedLength());
                assertThat(ra.payloadCompression()).isEqualTo(re.payloadCompression());
                if (re.message() instanceof RrdMessage.ArrowMsg em) {
                    RrdMessage.ArrowMsg am = (RrdMessage.ArrowMsg) ra.message();
                    assertThat(am.storeId()).isEqualTo(em.storeId());
                    assertThat(am.ipc().equals(em.ipc())).as("Arrow payload of record " + records).isTrue();
                } else if (re.message() instanceof RrdMessage.SetStoreInfo es) {
                    assertThat(((RrdMessage.SetStoreInfo) ra.message()).info()).isEqualTo(es.info());
                } else {
                    assertThat(ra.message()).isEqualTo(re.message());
                }
            }
            assertThat(records).isGreaterThan(1);
            assertThat(a.streamHeader()).isEqualTo(e.streamHeader());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "lz4"})
    void standardOutputOfAChildJvmIsARecordingDespiteSystemOutPrints(String compression) throws Exception {
        int frames = 12;
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StdoutChild.class.getName(), String.valueOf(frames), compression);
        Process child = new ProcessBuilder(cmd).start();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> {
            try {
                child.getErrorStream().transferTo(stderr);
            } catch (IOException ignored) {
                // the child is gone; what was read is checked below
            }
        });
        errReader.start();
        byte[] stdout = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        errReader.join();
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isZero();

        // After close, System.out is standard output again: the child's last line follows the recording.
        String tail = "after close" + System.lineSeparator();
        assertThat(new String(stdout, StandardCharsets.ISO_8859_1)).endsWith(tail);
        int rrdLength = stdout.length - tail.length();
        List<short[]> images = new ArrayList<>();
        try (LogMessageReader reader = LogMessageReader.of(new ByteArrayInputStream(stdout, 0, rrdLength))) {
            for (LogMessageReader.Entry e = reader.next(); e != null; e = reader.next()) {
                if (e.message() instanceof LogMessage.ChunkMessage c) {
                    images.addAll(depthImages(c.chunk()));
                }
            }
        }
        assertThat(images).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            assertThat(images.get(f)).isEqualTo(TestImages.read(TestImages.image(3, f, 32, 24)));
        }
        // The prints went to standard error while the sink was open.
        assertThat(err).contains("user print 0", "user print " + (frames - 1));
    }

    private static List<short[]> depthImages(Chunk chunk) {
        List<short[]> out = new ArrayList<>();
        for (int row = 0; row < chunk.rowCount(); row++) {
            ArchetypeCodec.readDepthImage(chunk, row).ifPresent(image -> out.add(TestImages.read(image)));
        }
        return out;
    }

    @Test
    void aFailedWriteBreaksTheStreamForGoodAndSaysWhy() throws IOException {
        List<LogMessage> messages = recording(3);
        OutputStream closesAfter100 = new OutputStream() {
            int n;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (n + len > 100) {
                    throw new IOException("Broken pipe");
                }
                n += len;
            }
        };
        StreamSink sink = StreamSink.to(closesAfter100, "pipe", false);
        sink.send(messages.get(0));
        assertThatThrownBy(() -> sink.send(messages.get(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("writing to pipe failed after")
                .hasMessageContaining("Broken pipe");
        assertThatThrownBy(() -> sink.send(messages.get(2)))
                .hasMessageContaining("broken since an earlier write failed");
        assertThatThrownBy(sink::flush).hasMessageContaining("broken");
        sink.close();
        assertThatThrownBy(() -> sink.send(messages.get(2))).hasMessageContaining("closed");
    }
}
