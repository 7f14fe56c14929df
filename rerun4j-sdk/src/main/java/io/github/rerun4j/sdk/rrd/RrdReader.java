package io.github.rerun4j.sdk.rrd;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the messages of an {@code .rrd} input one by one, the way Rerun 0.33's decoder walks a file.
 *
 * <p>Handles concatenated streams ({@code cat a.rrd b.rrd}), the End message with its 32-byte
 * {@code RRF2FOOT} trailer, and LZ4-compressed ArrowMsgs (returned decompressed).
 *
 * <p>Damage: {@link #next()} returns every complete message before the damage, then throws one
 * {@link RrdFormatException} with the offset of the damaged message, then returns {@code null}. An input cut
 * exactly between two messages cannot be told from a complete one, so it ends cleanly; one that ends inside a
 * message (a writer killed mid-write) gives an error whose {@link RrdFormatException#endsInside()} is true.
 * No length read from the input is trusted for allocation: a length larger than what is left is an error, not
 * an allocation.
 *
 * <pre>{@code
 * try (RrdReader reader = RrdReader.open(Path.of("recording.rrd"))) {
 *     for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
 *         if (r.message() instanceof RrdMessage.ArrowMsg arrow) {
 *             Chunk chunk = ChunkCodec.fromRecordBatch(ArrowIpcReader.read(arrow.ipc()));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class RrdReader implements Closeable {

    /** Bytes of the message header: kind u64 LE, length u64 LE. */
    static final int MESSAGE_HEADER_BYTES = 16;
    /** Bytes of the footer trailer after an End message (one entry). */
    static final int FOOTER_TRAILER_BYTES = 32;
    /** Largest payload this reader accepts: the largest Java array. */
    public static final int MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 8;

    private final ByteSource source;
    private final byte[] header = new byte[MESSAGE_HEADER_BYTES];
    private @Nullable StreamHeader streamHeader;
    private boolean afterEnd;
    private boolean trailerPending;
    /** Reading starts inside a stream (at a message), not at its header: {@link #messageAt}. */
    private boolean inStream;
    private boolean finished;

    private RrdReader(ByteSource source) {
        this.source = source;
    }

    /** Reads the file at {@code path}; close the reader to close the file. */
    public static RrdReader open(Path path) throws IOException {
        return new RrdReader(ByteSource.of(FileChannel.open(path, StandardOpenOption.READ)));
    }

    /**
     * Reads the file at {@code path}, mapping the payloads of big messages (256 KiB or more: images, mostly) into
     * memory instead of copying them into the heap. Chunks read from them are views of the file: their pixels
     * cost no heap and are loaded by the operating system when touched, so a recording far bigger than the heap
     * can be held; small messages are read as by {@link #open}. The file must not be changed in place while its
     * chunks are in use (a file truncated under a mapping fails with an {@link InternalError} when touched; one
     * replaced by a rename is safe). Close the reader to close the file; the mappings stay valid after it.
     *
     * <pre>{@code
     * try (RrdReader reader = RrdReader.openMapped(Path.of("big.rrd"))) {
     *     RrdRecord first = reader.next();
     * }
     * }</pre>
     */
    public static RrdReader openMapped(Path path) throws IOException {
        return new RrdReader(ByteSource.mapping(FileChannel.open(path, StandardOpenOption.READ), MAP_FROM_BYTES));
    }

    /**
     * Reads {@code stream}, which yields the bytes of {@code file} from its start (a file another process is still
     * writing, read through a stream that waits for it to grow), mapping the payloads of big messages as
     * {@link #openMapped} does once the file holds them entirely, and skipping them in the stream. Closing the
     * reader closes the stream; the caller closes {@code file}, which the mappings do not need open.
     *
     * <pre>{@code
     * try (FileChannel file = FileChannel.open(path);
     *      RrdReader reader = RrdReader.mapping(
     *              new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(path)), file)) {
     *     RrdRecord first = reader.next();
     * }
     * }</pre>
     */
    public static RrdReader mapping(InputStream stream, FileChannel file) {
        return mapping(stream, file, 0);
    }

    /**
     * As {@link #mapping(InputStream, FileChannel)}, for a stream that yields the bytes of {@code file} from byte
     * {@code from} on, where a stream header (or nothing yet) starts: the rest of a file whose first part was read
     * another way (through its footer, say). Offsets are the file's.
     */
    public static RrdReader mapping(InputStream stream, FileChannel file, long from) {
        return new RrdReader(ByteSource.mapping(Objects.requireNonNull(stream, "stream"), Objects.requireNonNull(file, "file"),
                MAP_FROM_BYTES, from));
    }

    /**
     * The one message whose 16-byte header starts at byte {@code at} of {@code file}, big payloads mapped as by
     * {@link #openMapped}: what a footer's manifest points at ({@link RrdManifest.Entry#byteOffset()} minus 16).
     * Positioned reads: threads may read messages of the same channel at once; the channel stays open.
     *
     * <pre>{@code
     * RrdRecord record = RrdReader.messageAt(channel, 12);   // the first message after the stream header
     * }</pre>
     *
     * @throws RrdFormatException when no whole message starts there
     */
    public static RrdRecord messageAt(FileChannel file, long at) throws IOException {
        RrdReader reader = new RrdReader(ByteSource.at(Objects.requireNonNull(file, "file"), at, MAP_FROM_BYTES));
        reader.inStream = true;
        RrdRecord record = reader.next();
        if (record == null) {
            throw new RrdFormatException(at, at, "no message at byte " + at + ": the file ends there");
        }
        return record;
    }

    /** Payloads of at least this many bytes are mapped by {@link #openMapped}: a mapping costs a system call. */
    static final int MAP_FROM_BYTES = 256 << 10;

    /**
     * Reads {@code channel} from its current position (reported offsets are channel positions); closing the
     * reader closes the channel.
     */
    public static RrdReader of(SeekableByteChannel channel) throws IOException {
        return new RrdReader(ByteSource.of(Objects.requireNonNull(channel, "channel")));
    }

    /**
     * Reads {@code stream} (offsets count from where it stands now); closing the reader closes the stream.
     * Wrap an unbuffered stream in a {@link java.io.BufferedInputStream}: headers are read 16 bytes at a time.
     */
    public static RrdReader of(InputStream stream) {
        return new RrdReader(ByteSource.of(Objects.requireNonNull(stream, "stream")));
    }

    /** Every message of the file at {@code path}; throws on the first damage (the messages before are lost). */
    public static List<RrdRecord> readAll(Path path) throws IOException {
        try (RrdReader reader = open(path)) {
            List<RrdRecord> records = new ArrayList<>();
            for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
            return records;
        }
    }

    /** The header of the stream being read, or {@code null} before the first call to {@link #next()}. */
    public @Nullable StreamHeader streamHeader() {
        return streamHeader;
    }

    /**
     * The next message, or {@code null} at the end of input (and after an error was thrown).
     *
     * @throws RrdFormatException at the first damage; later calls return {@code null}
     * @throws IOException        when the underlying input fails
     */
    public @Nullable RrdRecord next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            RrdRecord record = readRecord();
            finished = record == null;
            return record;
        } catch (IOException e) {
            finished = true;
            throw e;
        }
    }

    private @Nullable RrdRecord readRecord() throws IOException {
        if (streamHeader == null && !inStream) {
            readFirstStreamHeader();
        }
        if (trailerPending) {
            // Checked only now, so that the End message itself is returned even when its trailer is damaged.
            trailerPending = false;
            skipFooterTrailer(source.position());
        }
        while (true) {
            long at = source.position();
            int n = source.readUpTo(header, 0, MESSAGE_HEADER_BYTES);
            if (n == 0) {
                return null;
            }
            if (StreamHeader.looksLikeStreamHeader(header, n)) {
                // A concatenated stream: its 12-byte header starts where a message kind was expected.
                if (n < StreamHeader.BYTES) {
                    throw RrdFormatException.cutOff(at, at, "stream header at byte " + at + " is cut off: only " + n
                            + " of " + StreamHeader.BYTES + " bytes before the end of input");
                }
                streamHeader = StreamHeader.parse(header, at);
                source.unread(header, StreamHeader.BYTES, n - StreamHeader.BYTES);
                afterEnd = false;
                continue;
            }
            if (afterEnd) {
                throw new RrdFormatException(at, at, "after the End message and its footer trailer, expected the end "
                        + "of input or an RRF2 stream header at byte " + at + ", got " + StreamHeader.describe(header, 0, Math.min(n, 4)));
            }
            if (n < MESSAGE_HEADER_BYTES) {
                throw RrdFormatException.cutOff(at, at, "message header at byte " + at + " is cut off: only " + n
                        + " of " + MESSAGE_HEADER_BYTES + " bytes before the end of input");
            }
            ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            long kind = fields.getLong(0);
            long length = fields.getLong(8);
            if (Long.compareUnsigned(kind, RrdMessage.KIND_BLUEPRINT_ACTIVATION) > 0) {
                throw new RrdFormatException(at, at, "message at byte " + at + " has unknown kind "
                        + Long.toUnsignedString(kind) + " and is not a new RRF2 stream header either");
            }
            ByteBuffer payload = readPayload(at, kind, length);
            PayloadDecoder.Decoded decoded = PayloadDecoder.decode(kind, payload, at);
            if (kind == RrdMessage.KIND_END) {
                trailerPending = true;
                afterEnd = true;
            }
            return new RrdRecord(decoded.message(), at, MESSAGE_HEADER_BYTES + length, decoded.compression());
        }
    }

    private void readFirstStreamHeader() throws IOException {
        long at = source.position();
        byte[] bytes = new byte[StreamHeader.BYTES];
        int n = source.readUpTo(bytes, 0, bytes.length);
        if (n == 0) {
            throw new RrdFormatException(at, at, "stream header at byte " + at + ": empty input, expected a 12-byte RRF2 stream header");
        }
        if (n < bytes.length) {
            boolean rrf = n >= 4 && bytes[0] == 'R' && bytes[1] == 'R' && bytes[2] == 'F' && bytes[3] == '2';
            boolean rrfSoFar = new String(bytes, 0, Math.min(n, 4), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .equals("RRF2".substring(0, Math.min(n, 4)));
            String text = "stream header at byte " + at + ": input of " + n + " bytes is too short for the 12-byte stream header"
                    + (rrf ? "" : "; it starts with " + StreamHeader.describe(bytes, 0, Math.min(n, 4)) + ", not RRF2");
            if (rrfSoFar) {
                throw RrdFormatException.cutOff(at, at, text);
            }
            throw new RrdFormatException(at, at, text);
        }
        streamHeader = StreamHeader.parse(bytes, at);
    }

    private ByteBuffer readPayload(long at, long kind, long length) throws IOException {
        String what = PayloadDecoder.kindName(kind) + " message at byte " + at;
        long remaining = source.remaining();
        // length is a u64: negative here means more than 2^63, which no input holds.
        if (remaining >= 0 && length > remaining) {
            throw RrdFormatException.cutOff(at + 8, at, what + " claims " + length
                    + " payload bytes but only " + remaining + " remain");
        }
        if (remaining >= 0 && length < 0) {
            throw new RrdFormatException(at + 8, at, what + " claims " + Long.toUnsignedString(length)
                    + " payload bytes but only " + remaining + " remain");
        }
        if (length < 0 || length > MAX_PAYLOAD_BYTES) {
            throw new RrdFormatException(at + 8, at, what + " claims " + Long.toUnsignedString(length)
                    + " payload bytes, more than this reader's limit of " + MAX_PAYLOAD_BYTES);
        }
        ByteBuffer payload = source.payload((int) length);
        if (payload.limit() < length) {
            throw RrdFormatException.cutOff(at + 8, at, what + " claims " + length + " payload bytes but only "
                    + payload.limit() + " remain");
        }
        return payload;
    }

    /** After an End message: the trailer, or nothing at the end of input (as Rerun's decoder accepts). */
    private void skipFooterTrailer(long at) throws IOException {
        byte[] trailer = new byte[FOOTER_TRAILER_BYTES];
        int n = source.readUpTo(trailer, 0, trailer.length);
        if (n == 0) {
            return;
        }
        if (n < trailer.length) {
            throw RrdFormatException.cutOff(at, at, "footer trailer at byte " + at + " is cut off: only " + n + " of "
                    + FOOTER_TRAILER_BYTES + " bytes before the end of input");
        }
        ByteBuffer fields = ByteBuffer.wrap(trailer).order(ByteOrder.LITTLE_ENDIAN);
        boolean magic = fields.getInt(20) == ByteBuffer.wrap(new byte[] {'R', 'R', 'F', '2'}).order(ByteOrder.LITTLE_ENDIAN).getInt()
                && fields.getInt(24) == ByteBuffer.wrap(new byte[] {'F', 'O', 'O', 'T'}).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (!magic) {
            throw new RrdFormatException(at + 20, at, "after the End message, expected a 32-byte footer trailer ending in "
                    + "RRF2FOOT at byte " + at + ", got " + StreamHeader.describe(trailer, 20, 28));
        }
        // The offsets inside are not checked: after `cat a.rrd b.rrd` they are relative to the second file.
        int entries = fields.getInt(28);
        if (entries != 1) {
            throw new RrdFormatException(at + 28, at, "footer trailer at byte " + at + " lists " + Integer.toUnsignedString(entries)
                    + " entries; Rerun (and this reader) only read trailers with exactly 1");
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
