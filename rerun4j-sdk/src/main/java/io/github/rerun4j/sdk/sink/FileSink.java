package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Writes an {@code .rrd} file that is valid after every message: each message is encoded completely
 * before the first byte is written, and a write that fails half-way is cut back off the file. No footer
 * is needed to read it, so a process that dies leaves every message it had written readable; {@link #close()}
 * adds Rerun's footer (End message, one {@code RrdManifest} per store, checksummed trailer), with which Rerun
 * and rerun4j find chunks without reading the file ({@link RrdFooter}).
 *
 * <p><b>Durability.</b> A message is handed to the operating system before {@link #send} returns, so it survives
 * the death of the process (the batcher decides how long rows wait before they are sent: see
 * {@link io.github.rerun4j.sdk.batch.BatcherConfig}). It survives a power loss or kernel crash only once it is on
 * the device: with {@code syncOnFlush}, {@link #flush()} and {@link #close()} force it there (the batcher's timer
 * writes do not sync); without, the OS writes it back in its own time (typically within 30 s on Linux).
 *
 * <p><b>Errors.</b> A failed write (disk full, I/O error) throws {@link IOException} from {@link #send}, which the
 * recording stream rethrows as {@link java.io.UncheckedIOException}; the file is truncated back to its last
 * whole message, and later sends are tried again (the stream goes on once there is space). A write that blocks
 * (a stalled network file system) blocks the caller: see {@link Sink}. Messages name the cause's class and
 * message ({@code java.io.IOException: No space left on device}).
 *
 * <p><b>Interrupts.</b> Writes ignore the calling thread's interrupt flag and leave it as it was: a cancelled
 * task ({@code Future.cancel(true)}, {@code ExecutorService.shutdownNow()}) that logs, flushes or closes still
 * writes, and the file stays usable for every other thread (see {@code UninterruptibleFile} for why the file is
 * not a {@link java.nio.channels.FileChannel}).
 *
 * <pre>{@code
 * try (RecordingStream rec = RecordingStream.builder("app").sink(FileSink.create(Path.of("out.rrd"), true, true))) {
 *     rec.log("depth", DepthImage.fromU16(pixels, 300, 200).withMeter(1000));
 * }
 * }</pre>
 */
public final class FileSink implements Sink {


    private final Path path;
    private final FileOutput out;
    private final boolean lz4;
    private final FooterKeepingEncoder encoder;
    private final boolean syncOnFlush;
    private long size;
    private boolean closed;

    private FileSink(Path path, boolean lz4, boolean syncOnFlush, UnaryOperator<FileOutput> wrap) throws IOException {
        this.path = path;
        this.lz4 = lz4;
        this.syncOnFlush = syncOnFlush;
        this.encoder = new FooterKeepingEncoder(lz4);
        this.out = wrap.apply(new UninterruptibleFile(path));
        try {
            writeFully(new ByteBuffer[] {ByteBuffer.wrap(encoder.streamHeader())});
        } catch (IOException e) {
            try {
                out.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** An uncompressed file sink (replaces an existing file). */
    public static FileSink create(Path path) throws IOException {
        return new FileSink(path, false, false, UnaryOperator.identity());
    }

    /**
     * A file sink.
     *
     * @param lz4         compress each message with LZ4 (as Rerun's SDKs do)
     * @param syncOnFlush make {@link #flush()} also force the bytes to the storage device (survives power loss)
     */
    public static FileSink create(Path path, boolean lz4, boolean syncOnFlush) throws IOException {
        return new FileSink(path, lz4, syncOnFlush, UnaryOperator.identity());
    }

    /** Test hook: a sink whose output is {@code wrap} applied to the opened file (to simulate a full disk). */
    static FileSink create(Path path, boolean lz4, boolean syncOnFlush, UnaryOperator<FileOutput> wrap) throws IOException {
        return new FileSink(path, lz4, syncOnFlush, wrap);
    }

    /** The file written. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void send(LogMessage message) throws IOException {
        if (closed) {
            throw new IOException("FileSink " + path + " is closed");
        }
        long at = size;
        writeFully(encoder.encode(message).segments());
        encoder.written(at);
    }

    private void writeFully(ByteBuffer[] segments) throws IOException {
        long total = 0;
        for (ByteBuffer s : segments) {
            total += s.remaining();
        }
        try {
            for (ByteBuffer s : segments) {
                // The segments may be shared (pixels are referenced, not copied): write a view, never move them.
                out.write(s.duplicate());
            }
            size += total;
        } catch (IOException | RuntimeException e) {
            // Keep the file a sequence of whole messages: drop the part of this one that made it out.
            try {
                out.truncate(size);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IOException("writing " + path + " failed after " + size + " bytes: " + ErrorText.describe(e), e);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!closed && syncOnFlush) {
            out.sync();
        }
    }

    /**
     * Writes Rerun's End message, footer and trailer (one manifest per store that has chunks; nothing when no
     * chunk was written, since an empty footer tells footer-aware tools the file holds no recording), then
     * closes. A failure to write the footer leaves the file without it, whole and readable.
     */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                byte[] footer = encoder.footer(size);
                if (footer != null) {
                    writeFully(new ByteBuffer[] {ByteBuffer.wrap(footer)});
                }
                if (syncOnFlush) {
                    out.sync();
                }
            } finally {
                out.close();
            }
        }
    }

    @Override
    public String toString() {
        return "FileSink[" + path + (lz4 ? ", lz4" : "") + "]";
    }
}
