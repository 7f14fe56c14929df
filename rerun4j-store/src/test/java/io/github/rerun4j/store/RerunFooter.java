package io.github.rerun4j.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Ends a file the way Rerun's own SDK does when it saves one: an End message (kind 0) whose payload is the
 * footer, then the 32-byte trailer ending in {@code RRF2FOOT} (rrd-format §1.5). The footer's content is opaque
 * to readers that decode linearly, so a small stand-in payload is enough.
 */
final class RerunFooter {

    private RerunFooter() {
    }

    static void append(Path file) throws IOException {
        byte[] footer = {0x0A, 0x03, 0x01, 0x02, 0x03};
        long payloadOffset = Files.size(file) + 16;
        ByteBuffer bytes = ByteBuffer.allocate(16 + footer.length + 32).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0).putLong(footer.length).put(footer)
                .putLong(payloadOffset).putLong(footer.length).putInt(0x1234_5678)
                .put("RRF2FOOT".getBytes(StandardCharsets.US_ASCII)).putInt(1);
        Files.write(file, bytes.array(), StandardOpenOption.APPEND);
    }
}
