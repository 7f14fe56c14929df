package io.github.rerun4j.sdk.rrd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test files' ends, for every module's tests (SDK test-jar): without the footer, or with a stand-in one. */
public final class Footers {

    private Footers() {
    }

    /**
     * Cuts off the End message and footer FileSink writes at close: what a crash leaves, and what tests that damage
     * or extend the end of a file start from.
     */
    public static Path strip(Path file) {
        try {
            for (RrdRecord r : RrdReader.readAll(file)) {
                if (r.message() instanceof RrdMessage.End) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(r.offset());
                    }
                    break;
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends {@code file} (stripped first) with an End message whose payload is an opaque stand-in for a footer and
     * the 32-byte trailer ending in {@code RRF2FOOT}: what readers that decode linearly must pass over whatever
     * the footer holds.
     */
    public static Path appendStandIn(Path file) {
        strip(file);
        byte[] footer = {0x0A, 0x03, 0x01, 0x02, 0x03};
        try {
            long payloadOffset = Files.size(file) + 16;
            ByteBuffer bytes = ByteBuffer.allocate(16 + footer.length + 32).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(0).putLong(footer.length).put(footer)
                    .putLong(payloadOffset).putLong(footer.length).putInt(0x1234_5678)
                    .put("RRF2FOOT".getBytes(StandardCharsets.US_ASCII)).putInt(1);
            Files.write(file, bytes.array(), StandardOpenOption.APPEND);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
