package io.github.rerun4j.sdk.rrd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.Tuid;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading with big payloads mapped from the file: the same messages as reading them, without heap copies. */
class RrdMappedReadingTest {

    private static final StoreId STORE = RrdTestBytes.STORE;
    private static final int BIG = 3 << 20;

    @TempDir
    Path dir;

    private final byte[] bigIpc = random(BIG, 1);
    private final byte[] compressibleIpc = new byte[2 << 20];

    RrdMappedReadingTest() {
        System.arraycopy(random(5000, 2), 0, compressibleIpc, 1000, 5000);
    }

    private Path write() throws IOException {
        byte[] bytes = RrdTestBytes.stream(false)
                .message(new RrdMessage.SetStoreInfo(Tuid.next(), StoreInfo.of(STORE)))
                .message(new RrdMessage.ArrowMsg(STORE, new Tuid(1, 1), false, ByteBuffer.wrap(bigIpc)))
                .message(new RrdMessage.ArrowMsg(STORE, new Tuid(1, 2), false, ByteBuffer.wrap(compressibleIpc)), true)
                .message(new RrdMessage.ArrowMsg(STORE, new Tuid(1, 3), true, ByteBuffer.wrap(random(100, 3))))
                .bytes();
        return Files.write(dir.resolve("big.rrd"), bytes);
    }

    @Test
    void mappedReadingGivesTheSameMessagesWithTheBigPayloadOutsideTheHeap() throws IOException {
        Path rrd = write();
        List<RrdRecord> read = RrdReader.readAll(rrd);
        List<RrdRecord> mapped = all(RrdReader.openMapped(rrd));
        List<RrdRecord> followed;
        try (FileChannel channel = FileChannel.open(rrd)) {
            followed = all(RrdReader.mapping(new BufferedInputStream(Files.newInputStream(rrd), 1 << 16), channel));
        }

        assertThat(mapped).isEqualTo(read);
        assertThat(followed).isEqualTo(read);
        assertThat(ipc(read.get(1)).isDirect()).isFalse();
        // The 3 MiB payload is a view of the file; the LZ4 one is decompressed into the heap; the small one is read.
        for (List<RrdRecord> records : List.of(mapped, followed)) {
            assertThat(ipc(records.get(1)).isDirect()).isTrue();
            assertThat(ipc(records.get(2)).isDirect()).isFalse();
            assertThat(records.get(2).payloadCompression()).isEqualTo(Compression.LZ4);
            assertThat(ipc(records.get(3)).isDirect()).isFalse();
        }
    }

    @Test
    void aFileCutInsideABigMessageIsCutOffAsWhenRead() throws IOException {
        Path whole = write();
        byte[] bytes = Files.readAllBytes(whole);
        long bigAt = RrdReader.readAll(whole).get(1).offset();
        Path cut = Files.write(dir.resolve("cut.rrd"), Arrays.copyOf(bytes, (int) bigAt + BIG / 2));

        String asRead = cutOffMessage(RrdReader.open(cut));

        assertThat(asRead).contains("ArrowMsg message at byte " + bigAt);
        assertThat(cutOffMessage(RrdReader.openMapped(cut))).isEqualTo(asRead);
    }

    private static String cutOffMessage(RrdReader reader) throws IOException {
        try (reader) {
            while (true) {
                try {
                    assertThat(reader.next()).as("a message before the damage").isNotNull();
                } catch (RrdFormatException e) {
                    assertThat(e.endsInside()).isTrue();
                    return e.getMessage();
                }
            }
        }
    }

    private static List<RrdRecord> all(RrdReader reader) throws IOException {
        try (reader) {
            List<RrdRecord> out = new ArrayList<>();
            for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
                out.add(r);
            }
            return out;
        }
    }

    private static ByteBuffer ipc(RrdRecord record) {
        return ((RrdMessage.ArrowMsg) record.message()).ipc();
    }

    private static byte[] random(int length, long seed) {
        byte[] out = new byte[length];
        new Random(seed).nextBytes(out);
        return out;
    }
}
