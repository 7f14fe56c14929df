package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@code .rrd} stream (stream header, then one framed message per {@link #send}) to an
 * {@link OutputStream} that cannot be rewound: standard output, a pipe, a socket. The bytes are exactly those a
 * {@link FileSink} with the same compression writes, footer included at {@link #close()} (as Rerun's own encoder
 * ends every stream), so {@code java -jar app.jar | rerun -} shows the recording live and
 * {@code java -jar app.jar > out.rrd} is an ordinary file.
 *
 * <p><b>Standard output.</b> {@link #stdout()} owns the process's standard output while it is open: any other byte
 * written there would corrupt the stream. So {@code stdout()} points {@link System#out} at standard error until
 * the sink is closed ({@code System.out.println} then lands on the terminal, not in the recording); code that
 * writes to file descriptor 1 some other way (native code, a logging framework configured for stdout, a child
 * process that inherits it) must be stopped from doing so.
 *
 * <p><b>Errors.</b> Each message is encoded completely before its first byte is written. A stream cannot be cut
 * back, so a write that fails (the reader went away: broken pipe) leaves the reader with part of a message; the
 * sink is then broken for good and every later call throws an {@link IOException} naming the first failure,
 * which reaches the logging thread as {@link java.io.UncheckedIOException}.
 *
 * <pre>{@code
 * try (RecordingStream rec = RecordingStream.builder("app").sink(StreamSink.stdout())) {
 *     rec.log("depth", DepthImage.fromU16(pixels, 300, 200).withMeter(1000));
 * }
 * }</pre>
 */
public final class StreamSink implements Sink {

    private static final int COPY_SLICE = 1 << 20;

    private final OutputStream out;
    private final String name;
    private final boolean lz4;
    private final FooterKeepingEncoder encoder;
    private final boolean closeStream;
    private final @Nullable PrintStream replacedSystemOut;
    private final @Nullable PrintStream ownSystemOut;
    private long written;
    private @Nullable IOException broken;
    private boolean closed;

    private StreamSink(OutputStream out, String name, boolean lz4, boolean closeStream,
                       @Nullable PrintStream replacedSystemOut, @Nullable PrintStream ownSystemOut) throws IOException {
        this.out = out;
        this.name = name;
        this.lz4 = lz4;
        this.encoder = new FooterKeepingEncoder(lz4);
        this.closeStream = closeStream;
        this.replacedSystemOut = replacedSystemOut;
        this.ownSystemOut = ownSystemOut;
        write(new ByteBuffer[] {ByteBuffer.wrap(encoder.streamHeader())});
    }

    /**
     * A sink on the process's standard output, uncompressed (a pipe is faster than LZ4). Points
     * {@link System#out} at standard error until {@link #close()}; standard output itself is flushed, never
     * closed.
     */
    public static StreamSink stdout() throws IOException {
        return stdout(false);
    }

    /** As {@link #stdout()}, each message LZ4-compressed when {@code lz4} (as Rerun's own {@code stdout()}). */
    public static StreamSink stdout(boolean lz4) throws IOException {
        PrintStream previous = System.out;
        PrintStream toStderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        // FileDescriptor.out directly, not System.out: a PrintStream swallows write errors (a closed pipe).
        OutputStream fd1 = new FileOutputStream(FileDescriptor.out);
        previous.flush();
        System.setOut(toStderr);
        try {
            return new StreamSink(fd1, "standard output", lz4, false, previous, toStderr);
        } catch (IOException | RuntimeException e) {
            System.setOut(previous);
            throw e;
        }
    }

    /**
     * A sink on {@code out}, which it closes when it is closed.
     *
     * @param name what error messages call the destination (e.g. "socket to 10.0.0.2")
     * @param lz4  compress each message with LZ4
     */
    public static StreamSink to(OutputStream out, String name, boolean lz4) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(name, "name");
        return new StreamSink(out, name, lz4, true, null, null);
    }

    /** Bytes written so far, stream header included. */
    public synchronized long bytesWritten() {
        return written;
    }

    @Override
    public synchronized void send(LogMessage message) throws IOException {
        if (closed) {
            throw new IOException("StreamSink on " + name + " is closed");
        }
        long at = written;
        write(encoder.encode(message).segments());
        encoder.written(at);
    }

    private void write(ByteBuffer[] segments) throws IOException {
        if (broken != null) {
            throw new IOException("StreamSink on " + name + " is broken since an earlier write failed: "
                    + broken.getMessage(), broken);
        }
        try {
            for (ByteBuffer segment : segments) {
                writeSegment(segment.duplicate());  // segments may be shared pixels: never move them
            }
        } catch (IOException | RuntimeException e) {
            broken = new IOException("writing to " + name + " failed after " + written + " bytes (the reader has"
                    + " part of a message and cannot go on): " + ErrorText.describe(e), e);
            throw broken;
        }
        for (ByteBuffer segment : segments) {
            written += segment.remaining();
        }
    }

    private void writeSegment(ByteBuffer view) throws IOException {
        if (view.hasArray()) {
            out.write(view.array(), view.arrayOffset() + view.position(), view.remaining());
            return;
        }
        byte[] slice = new byte[Math.min(COPY_SLICE, view.remaining())];
        while (view.hasRemaining()) {
            int n = Math.min(slice.length, view.remaining());
            view.get(slice, 0, n);
            out.write(slice, 0, n);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        if (broken != null) {
            throw new IOException("StreamSink on " + name + " is broken: " + broken.getMessage(), broken);
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (broken == null) {
                byte[] footer = encoder.footer(written);
                if (footer != null) {
                    write(new ByteBuffer[] {ByteBuffer.wrap(footer)});
                }
                out.flush();
            }
        } finally {
            if (closeStream) {
                out.close();
            }
            if (replacedSystemOut != null && System.out == ownSystemOut) {
                System.setOut(replacedSystemOut);
            }
        }
    }

    @Override
    public String toString() {
        return "StreamSink[" + name + (lz4 ? ", lz4" : "") + "]";
    }
}
