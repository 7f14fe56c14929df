package io.github.rerun4j.sdk.rrd;

import com.google.flatbuffers.FlatBufferBuilder;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.internal.arrow.ArrowFormatException;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcReader;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcWriter;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.chunk.Tuid;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Damaged files through the full read path ({@link FullPath}: LogMessageReader, LZ4, Arrow IPC, chunks,
 * ArchetypeCodec.readAll): only {@link RrdFormatException} escapes, every complete message before the damage
 * is returned, nothing hangs, and no length read from the file turns into an allocation the file cannot back.
 */
class LogMessageReaderDamageTest {

    private static final FullPath.Sample SAMPLE = FullPath.sample();
    private static final List<String> ALL = FullPath.read(SAMPLE.bytes()).entries();

    @Test
    void theSampleIsAValidMultiMessageRecordingWithLz4Chunks() {
        FullPath.Result r = FullPath.read(SAMPLE.bytes());
        assertThat(r.errors()).isEmpty();
        assertThat(r.entries()).hasSize(SAMPLE.boundaries().size() - 1).hasSizeGreaterThanOrEqualTo(6);
        assertThat(r.entries().get(0)).contains("SetStoreInfo");
        assertThat(r.entries().stream().filter(e -> e.contains("ArrowMsg"))).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(e -> assertThat(e).doesNotEndWith(" 0"));  // every row decodes to an archetype
    }

    @Test
    void truncationAtEveryByteOffset() {
        byte[] file = SAMPLE.bytes();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int cut = 0; cut < file.length; cut++) {
                FullPath.Result r = FullPath.read(Arrays.copyOf(file, cut));
                long cutAt = cut;
                int complete = (int) SAMPLE.boundaries().stream().skip(1).filter(b -> b <= cutAt).count();
                assertThat(r.entries()).as("cut at %d", cut).isEqualTo(ALL.subList(0, complete));
                boolean boundary = SAMPLE.boundaries().contains(cutAt);
                assertThat(r.errors()).as("cut at %d", cut).hasSize(boundary && cut > 0 ? 0 : 1);
                for (RrdFormatException e : r.errors()) {
                    assertThat(e.offset()).isBetween(0L, cutAt);
                    assertThat(e.messageOffset()).isBetween(0L, e.offset());
                    assertThat(e.endsInside()).as("cut at %d: %s", cut, e.getMessage()).isEqualTo(cut > 0);
                }
            }
        });
    }

    @Test
    void fiveThousandSeededRandomByteFlips() {
        byte[] file = SAMPLE.bytes();
        Random random = new Random(0x5EED_2026L);
        int withErrors = 0;
        for (int batch = 0; batch < 10; batch++) {
            int[] errors = {0};
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int round = 0; round < 500; round++) {
                    byte[] damaged = file.clone();
                    int first = Integer.MAX_VALUE;
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        int at = random.nextInt(damaged.length);
                        damaged[at] ^= (byte) (1 + random.nextInt(255));
                        first = Math.min(first, at);
                    }
                    FullPath.Result r = FullPath.read(damaged);  // anything but RrdFormatException fails here
                    long firstFlip = first;
                    int intact = (int) SAMPLE.boundaries().stream().skip(1).filter(b -> b <= firstFlip).count();
                    assertThat(r.entries().size()).isGreaterThanOrEqualTo(intact);
                    assertThat(r.entries().subList(0, intact)).isEqualTo(ALL.subList(0, intact));
                    for (RrdFormatException e : r.errors()) {
                        assertThat(e.offset()).isBetween(0L, (long) damaged.length);
                        assertThat(e.messageOffset()).isBetween(0L, e.offset());
                    }
                    errors[0] += r.errors().isEmpty() ? 0 : 1;
                }
            });
            withErrors += errors[0];
        }
        assertThat(withErrors).as("damaged inputs reported as damaged").isGreaterThan(2500);
    }

    // ---- crafted length claims: each is an error, never an allocation the input cannot back ----

    private static final long ALLOCATION_LIMIT = 8L << 20;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Reads {@code file} through the full path; it must fail with a typed error, allocating less than 8 MB. */
    private static RrdFormatException assertRejectedCheaply(byte[] file, String messageFragment) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            FullPath.read(file);  // warm up class loading, so only the reading itself is measured
            long before = allocatedBytes();
            FullPath.Result r = FullPath.read(file);
            long allocated = allocatedBytes() - before;
            assertThat(r.errors()).as("errors").isNotEmpty();
            RrdFormatException e = r.errors().get(r.errors().size() - 1);
            assertThat(allocated).as("bytes allocated reading a %d-byte file: %s", file.length, e.getMessage())
                    .isLessThan(ALLOCATION_LIMIT);
            assertThat(e.getMessage()).contains(messageFragment);
            return e;
        });
    }

    private static byte[] file(long kind, long claimedLength, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + 16 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(RrdEncoder.streamHeader(false)).putLong(kind).putLong(claimedLength).put(payload);
        return b.array();
    }

    @Test
    void messageLengthClaims() {
        byte[] kilobyte = new byte[1000];
        assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, 2L << 30, kilobyte), "claims 2147483648 payload bytes");
        assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, Integer.MAX_VALUE - 8, kilobyte), "payload bytes");
        assertRejectedCheaply(file(RrdMessage.KIND_SET_STORE_INFO, 1L << 62, kilobyte), "payload bytes");
        assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, -1L, kilobyte), "18446744073709551615");
    }

    // Minimal protobuf writing for hand-made payloads.
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
            return this;
        }

        Proto tag(int field, int wireType) {
            return varint((long) field << 3 | wireType);
        }

        Proto bytes(int field, byte[] b) {
            tag(field, 2).varint(b.length);
            out.writeBytes(b);
            return this;
        }

        Proto uint(int field, long v) {
            return tag(field, 0).varint(v);
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    private static byte[] storeId() {
        return new Proto().uint(1, 1).bytes(2, "r".getBytes()).bytes(3, new Proto().bytes(1, "a".getBytes()).build()).build();
    }

    @Test
    void protobufLengthDelimitedClaims() {
        byte[] hugePayloadField = new Proto().bytes(1, storeId()).uint(4, 1).tag(5, 2).varint(0x7FFF_FFF0L).build();
        byte[] withRoom = Arrays.copyOf(hugePayloadField, hugePayloadField.length + 500);
        assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, withRoom.length, withRoom), "malformed protobuf");

        byte[] hugeStoreId = Arrays.copyOf(new Proto().tag(1, 2).varint(0x7FFF_FFF0L).build(), 600);
        assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, hugeStoreId.length, hugeStoreId), "malformed protobuf");

        byte[] hugeInfo = Arrays.copyOf(new Proto().tag(2, 2).varint(0x7FFF_FFF0L).build(), 600);
        assertRejectedCheaply(file(RrdMessage.KIND_SET_STORE_INFO, hugeInfo.length, hugeInfo), "malformed protobuf");

        byte[] hugeExtra = new Proto()
                .bytes(2, new Proto().bytes(2, storeId()).bytes(5, Arrays.copyOf(new Proto().tag(2, 2).varint(0x7FFF_0000L).build(), 40)).build())
                .build();
        assertRejectedCheaply(file(RrdMessage.KIND_SET_STORE_INFO, hugeExtra.length, hugeExtra), "malformed protobuf");
    }

    @Test
    void lz4UncompressedSizeClaims() {
        byte[] compressed = new byte[100];
        for (long claim : new long[] {Integer.MAX_VALUE - 8L, 1L << 40, Long.MAX_VALUE, -1L, 255L * 100 + 1}) {
            byte[] payload = new Proto().bytes(1, storeId()).uint(2, 2).uint(3, claim).uint(4, 1).bytes(5, compressed).build();
            assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, payload.length, payload), "uncompressed_size");
        }
        // Within LZ4's possible expansion but not what the data decompresses to: an error, allocation <= 255x.
        byte[] payload = new Proto().bytes(1, storeId()).uint(2, 2).uint(3, 25_500).uint(4, 1).bytes(5, compressed).build();
        assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, payload.length, payload), "LZ4");
    }

    /**
     * Megabytes of payload claiming 255 times their size (LZ4's theoretical bound): before the claim was checked
     * against what the data decodes to, every reader allocated the claimed size (about 800 MB here) first.
     */
    @Test
    void lz4ClaimsWithinTheRatioButBeyondTheDataAreRejectedBeforeAllocating() {
        byte[] random = new byte[3 << 20];
        new Random(0x1A4).nextBytes(random);
        byte[] validBlock = net.jpountz.lz4.LZ4Factory.safeInstance().fastCompressor().compress(random);
        long claim = 255L * validBlock.length;
        byte[] payload = new Proto().bytes(1, storeId()).uint(2, 2).uint(3, claim).uint(4, 1).bytes(5, validBlock).build();
        RrdFormatException e = assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, payload.length, payload),
                "decodes to " + random.length + " bytes");
        assertThat(e.getMessage()).contains("claims uncompressed_size " + claim);

        // Not LZ4 at all: rejected at the first byte that cannot belong to a block, with its offset.
        byte[] garbage = random.clone();
        garbage[0] = 0x0F;  // no literals, then a match at offset 0 bytes into an empty output
        byte[] bad = new Proto().bytes(1, storeId()).uint(2, 2).uint(3, 255L * garbage.length).uint(4, 1).bytes(5, garbage).build();
        RrdFormatException g = assertRejectedCheaply(file(RrdMessage.KIND_ARROW_MSG, bad.length, bad), "corrupt LZ4 payload");
        long garbageStart = 12 + 16 + bad.length - garbage.length;
        assertThat(g.offset()).isEqualTo(garbageStart + 1);
        assertThat(g.getMessage()).contains("points before the start of the output");
    }

    // ---- Arrow IPC claims, directly and through the full path ----

    private static byte[] validIpc() {
        Chunk chunk = ((io.github.rerun4j.sdk.rrd.LogMessage.ChunkMessage) chunkMessage()).chunk();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : ArrowIpcWriter.write(ChunkCodec.toRecordBatch(chunk))) {
            byte[] a = new byte[b.remaining()];
            b.duplicate().get(a);
            out.writeBytes(a);
        }
        return out.toByteArray();
    }

    private static LogMessage chunkMessage() {
        io.github.rerun4j.sdk.sink.MemorySink sink = new io.github.rerun4j.sdk.sink.MemorySink();
        try (var rec = io.github.rerun4j.sdk.RecordingStream.builder("x").batching(io.github.rerun4j.sdk.batch.BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.log("cam/depth", SdkFixtures.fullDepthImage());
        }
        return sink.messages().get(1);
    }

    private static int schemaMessageBytes(byte[] ipc) {
        ByteBuffer b = ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(-1);
        return 8 + b.getInt(4);  // a schema message has no body
    }

    /** The schema of a valid chunk, then a hand-made record batch message. */
    private static byte[] ipcWithBatch(long rows, long[][] nodes, long[][] buffers, long bodyLength, int bodyBytes,
                                       Integer patchedNodeCount, Integer patchedBufferCount) {
        FlatBufferBuilder b = new FlatBufferBuilder();
        RecordBatch.startNodesVector(b, nodes.length);
        for (int i = nodes.length - 1; i >= 0; i--) {
            FieldNode.createFieldNode(b, nodes[i][0], nodes[i][1]);
        }
        int nodesVec = b.endVector();
        RecordBatch.startBuffersVector(b, buffers.length);
        for (int i = buffers.length - 1; i >= 0; i--) {
            Buffer.createBuffer(b, buffers[i][0], buffers[i][1]);
        }
        int buffersVec = b.endVector();
        RecordBatch.startRecordBatch(b);
        RecordBatch.addLength(b, rows);
        RecordBatch.addNodes(b, nodesVec);
        RecordBatch.addBuffers(b, buffersVec);
        int rb = RecordBatch.endRecordBatch(b);
        b.finish(Message.createMessage(b, MetadataVersion.V5, MessageHeader.RecordBatch, rb, bodyLength, 0));
        byte[] meta = b.sizedByteArray();
        ByteBuffer m = ByteBuffer.wrap(meta).order(ByteOrder.LITTLE_ENDIAN);
        if (patchedNodeCount != null) {
            m.putInt(meta.length - nodesVec, patchedNodeCount);
        }
        if (patchedBufferCount != null) {
            m.putInt(meta.length - buffersVec, patchedBufferCount);
        }
        byte[] ipc = validIpc();
        int schema = schemaMessageBytes(ipc);
        int padded = (meta.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(schema + 8 + padded + bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ipc, 0, schema).putInt(-1).putInt(padded).put(meta);
        return out.array();
    }

    private static void assertArrowRejectedCheaply(byte[] ipc, String fragment) {
        long before = allocatedBytes();
        assertThatThrownBy(() -> ChunkCodec.fromRecordBatch(ArrowIpcReader.read(ByteBuffer.wrap(ipc))))
                .isInstanceOf(ArrowFormatException.class).hasMessageContaining(fragment);
        assertThat(allocatedBytes() - before).isLessThan(ALLOCATION_LIMIT);
        for (boolean lz4 : new boolean[] {false, true}) {
            byte[] rrd = RrdTestBytes.stream(lz4).raw(RrdEncoder.encodeArrow(RrdTestBytes.STORE, new Tuid(1, 2), false,
                    new ByteBuffer[] {ByteBuffer.wrap(ipc)}, lz4).toByteArray()).bytes();
            RrdFormatException e = assertRejectedCheaply(rrd, fragment);
            assertThat(e.messageOffset()).isEqualTo(12);
        }
    }

    @Test
    void theValidIpcAndTheCraftedFrameAreReadable() throws Exception {
        byte[] ipc = validIpc();
        assertThat(ChunkCodec.fromRecordBatch(ArrowIpcReader.read(ByteBuffer.wrap(ipc))).rowCount()).isEqualTo(1);
        // A crafted batch with sane numbers gets past the framing: the error is about the columns, not sizes.
        assertThatThrownBy(() -> ArrowIpcReader.read(ByteBuffer.wrap(ipcWithBatch(1, new long[0][], new long[0][], 0, 0, null, null))))
                .isInstanceOf(ArrowFormatException.class).hasMessageContaining("too few field nodes");
    }

    @Test
    void arrowMetadataSizeClaim() {
        byte[] ipc = validIpc();
        ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFF_FFF0);
        assertArrowRejectedCheaply(ipc, "metadata bytes but only");
        byte[] second = validIpc();
        ByteBuffer.wrap(second).order(ByteOrder.LITTLE_ENDIAN).putInt(schemaMessageBytes(second) + 4, Integer.MAX_VALUE);
        assertArrowRejectedCheaply(second, "metadata bytes but only");
    }

    @Test
    void arrowBodyLengthClaim() {
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[0][], new long[0][], 1L << 40, 64, null, null), "claims a body of");
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[0][], new long[0][], Integer.MAX_VALUE, 64, null, null), "claims a body of");
    }

    @Test
    void arrowBufferClaims() {
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[][] {{1, 0}}, new long[][] {{0, 1L << 40}}, 64, 64, null, null), "lies outside");
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[][] {{1, 0}}, new long[][] {{1L << 40, 8}}, 64, 64, null, null), "lies outside");
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[][] {{1, 0}}, new long[][] {{8, Long.MAX_VALUE}}, 64, 64, null, null), "lies outside");
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[][] {{1, 0}}, new long[][] {{-8, 8}}, 64, 64, null, null), "lies outside");
    }

    @Test
    void arrowVectorCountClaims() {
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[][] {{1, 0}}, new long[0][], 0, 0, 0x7FFF_FFFF, null), "field nodes");
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[][] {{1, 0}}, new long[][] {{0, 0}}, 0, 0, null, 0x4000_0000), "buffers");
        assertArrowRejectedCheaply(ipcWithBatch(1, new long[][] {{1, 0}}, new long[][] {{0, 0}}, 0, 0, -1, null), "field nodes");
    }

    @Test
    void arrowLengthAndNodeClaims() {
        assertArrowRejectedCheaply(ipcWithBatch(Long.MAX_VALUE, new long[0][], new long[0][], 0, 0, null, null), "out of range");
        // A node claiming 2^31 - 1 rows over a tiny body: the layout check rejects it before any column is read.
        long[][] nodes = new long[8][];
        Arrays.fill(nodes, new long[] {Integer.MAX_VALUE, 0});
        long[][] buffers = new long[24][];
        Arrays.fill(buffers, new long[] {0, 8});
        Supplier<byte[]> ipc = () -> ipcWithBatch(Integer.MAX_VALUE, nodes, buffers, 64, 64, null, null);
        assertThatThrownBy(() -> ArrowIpcReader.read(ByteBuffer.wrap(ipc.get()))).isInstanceOf(ArrowFormatException.class);
        long before = allocatedBytes();
        assertThatThrownBy(() -> ArrowIpcReader.read(ByteBuffer.wrap(ipc.get()))).isInstanceOf(ArrowFormatException.class);
        assertThat(allocatedBytes() - before).isLessThan(ALLOCATION_LIMIT);
    }
}
