package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * A file written through {@link RandomAccessFile}'s stream methods, which neither look at nor change the calling
 * thread's interrupt flag.
 *
 * <p>Why not a {@link java.nio.channels.FileChannel}: it is an {@link java.nio.channels.InterruptibleChannel}, so a
 * logging thread with its interrupt flag set ({@code Future.cancel(true)}, {@code shutdownNow()}, a
 * {@code while (!interrupted())} loop closing its stream) closes it for every thread, for good. The other ways out
 * cost more: a writer thread per sink adds a hand-off per message and a wait that must itself ignore interrupts;
 * reopening after {@code ClosedByInterruptException} has to clear and restore the flag around each retry and races
 * with other interrupts. The price here is a copy through the JDK's native buffer, which a channel also pays for
 * heap buffers; writing in slices of {@link #SLICE} bytes bounds that buffer (a channel would allocate, and cache
 * per thread, a direct buffer as large as the whole image).
 */
final class UninterruptibleFile implements FileOutput {

    static final int SLICE = 1 << 20;

    private final RandomAccessFile file;
    private byte @Nullable [] scratch;
    private volatile boolean open = true;

    /**
     * Opens {@code path} for writing, creating it or emptying an existing file.
     *
     * @throws IOException "cannot create PATH: REASON (CLASS)"
     */
    UninterruptibleFile(Path path) throws IOException {
        try {
            // Opened once through NIO for its typed errors (no such folder, permission denied, a directory), which
            // RandomAccessFile folds into one FileNotFoundException.
            FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
            this.file = new RandomAccessFile(path.toFile(), "rw");
        } catch (IOException e) {
            throw new IOException("cannot create " + path + ": " + ErrorText.describe(e), e);
        }
        try {
            file.setLength(0);
        } catch (IOException e) {
            file.close();
            throw new IOException("cannot empty " + path + ": " + ErrorText.describe(e), e);
        }
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), SLICE);
            if (src.hasArray()) {
                file.write(src.array(), src.arrayOffset() + src.position(), n);
            } else {
                if (scratch == null) {
                    scratch = new byte[SLICE];
                }
                src.duplicate().get(scratch, 0, n);
                file.write(scratch, 0, n);
            }
            src.position(src.position() + n);
        }
    }

    @Override
    public void truncate(long size) throws IOException {
        file.setLength(size);
        file.seek(size);
    }

    @Override
    public void sync() throws IOException {
        file.getFD().sync();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        file.close();
    }
}
