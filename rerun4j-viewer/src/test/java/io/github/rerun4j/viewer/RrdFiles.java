package io.github.rerun4j.viewer;

import io.github.rerun4j.sdk.rrd.StoreId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Hand-made .rrd tails for reading tests: ArrowMsgs with crafted claims. */
public final class RrdFiles {

    private RrdFiles() {
    }

    /** Appends a framed LZ4 ArrowMsg for {@code store} carrying {@code block} and claiming {@code uncompressedSize}. */
    public static void appendLz4ArrowMsg(Path file, StoreId store, byte[] block, long uncompressedSize) throws IOException {
        byte[] appId = new Proto().bytes(1, store.applicationId().getBytes(StandardCharsets.UTF_8)).build();
        byte[] storeId = new Proto().uint(1, 1).bytes(2, store.recordingId().getBytes(StandardCharsets.UTF_8))
                .bytes(3, appId).build();
        byte[] payload = new Proto().bytes(1, storeId).uint(2, 2).uint(3, uncompressedSize).uint(4, 1).bytes(5, block).build();
        ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(2).putLong(payload.length);
        Files.write(file, head.array(), StandardOpenOption.APPEND);
        Files.write(file, payload, StandardOpenOption.APPEND);
    }

    /** Just enough protobuf writing for hand-made payloads. */
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

        Proto uint(int field, long v) {
            return varint((long) field << 3).varint(v);
        }

        Proto bytes(int field, byte[] b) {
            varint((long) field << 3 | 2).varint(b.length);
            out.writeBytes(b);
            return this;
        }

        byte[] build() {
            return out.toByteArray();
        }
    }
}
