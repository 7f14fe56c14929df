package io.github.rerun4j.sdk.chunk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Rerun's 128-bit time-based unique id, used for row ids, chunk ids and store-info row ids.
 *
 * <p>Ids from {@link #next()} grow strictly: a later call always returns a larger id, across threads,
 * so that Rerun breaks ties between values logged at the same time in logging order.
 *
 * <pre>{@code
 * Tuid id = Tuid.next();
 * String s = id.toString();          // "18B0AA9FA7B7B1A61d23c55ca87b18b4"
 * Tuid same = Tuid.parse(s);
 * }</pre>
 *
 * @param timeNs nanoseconds since the Unix epoch (approximate; only the ordering matters)
 * @param inc    a counter that makes ids unique within the same nanosecond
 */
public record Tuid(long timeNs, long inc) implements Comparable<Tuid> {

    /** Size of the binary (Arrow) form: two big-endian u64. */
    public static final int BYTES = 16;

    private static final Object LOCK = new Object();
    private static long lastTimeNs;
    private static long lastInc = new SecureRandom().nextLong() & 0x7FFF_FFFF_FFFF_FFFFL;

    /** A new id, strictly greater than every id this JVM has generated before. */
    public static Tuid next() {
        long nowNs = System.currentTimeMillis() * 1_000_000L + (System.nanoTime() % 1_000_000L + 1_000_000L) % 1_000_000L;
        synchronized (LOCK) {
            lastTimeNs = Math.max(lastTimeNs, nowNs);
            lastInc++;
            return new Tuid(lastTimeNs, lastInc);
        }
    }

    /** Parses the string form (16 hex digits of {@code timeNs} then 16 of {@code inc}, any case, optional prefix). */
    public static Tuid parse(String text) {
        String hex = text;
        int underscore = hex.lastIndexOf('_');
        if (underscore >= 0) {
            hex = hex.substring(underscore + 1);
        }
        if (hex.length() != 32) {
            throw new IllegalArgumentException("TUID: expected 32 hex digits (optionally after a prefix such as 'chunk_'), got '" + text + "'");
        }
        try {
            return new Tuid(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TUID: expected 32 hex digits, got '" + text + "'", e);
        }
    }

    /**
     * Reads the 16-byte big-endian binary form at the buffer's current position (which advances); the buffer's
     * byte order is left as it was.
     */
    public static Tuid read(ByteBuffer bigEndianBytes) {
        ByteOrder callers = bigEndianBytes.order();
        try {
            bigEndianBytes.order(ByteOrder.BIG_ENDIAN);
            long t = bigEndianBytes.getLong();
            long i = bigEndianBytes.getLong();
            return new Tuid(t, i);
        } finally {
            bigEndianBytes.order(callers);
        }
    }

    /** Writes the 16-byte big-endian binary form (byte order = chronological order); {@code out}'s order is kept. */
    public void write(ByteBuffer out) {
        ByteOrder callers = out.order();
        try {
            out.order(ByteOrder.BIG_ENDIAN).putLong(timeNs).putLong(inc);
        } finally {
            out.order(callers);
        }
    }

    /** Rerun's string form: upper-case hex of {@code timeNs}, lower-case hex of {@code inc}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%016X%016x", timeNs, inc);
    }

    @Override
    public int compareTo(Tuid other) {
        int c = Long.compareUnsigned(timeNs, other.timeNs);
        return c != 0 ? c : Long.compareUnsigned(inc, other.inc);
    }
}
