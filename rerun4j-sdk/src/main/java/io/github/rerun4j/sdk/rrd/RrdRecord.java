package io.github.rerun4j.sdk.rrd;

import java.util.Objects;

/**
 * A message as read from an {@code .rrd} input, with where it was found.
 *
 * <pre>{@code
 * RrdReader reader = RrdReader.open(path);
 * RrdRecord r = reader.next();
 * System.out.println(r.message().kind() + " at byte " + r.offset() + ", " + r.framedLength() + " bytes");
 * }</pre>
 *
 * @param message            the decoded message (ArrowMsg payloads already decompressed)
 * @param offset             byte offset of the message's 16-byte header from the start of the input
 * @param framedLength       16 + payload length; an End message's 32-byte footer trailer is not counted
 * @param payloadCompression how an ArrowMsg's payload was stored; {@link Compression#NONE} for other kinds
 */
public record RrdRecord(RrdMessage message, long offset, long framedLength, Compression payloadCompression) {
    /** Rejects null parts. */
    public RrdRecord {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(payloadCompression, "payloadCompression");
    }
}
