package io.github.rerun4j.sdk.sink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link FileSink}'s bytes go: the file, written at its end. An interface only so that tests can put a
 * simulated full disk between the sink and the file.
 */
interface FileOutput extends Closeable {

    /** Writes every remaining byte of {@code src} (advancing it) or throws, possibly after writing a part. */
    void write(ByteBuffer src) throws IOException;

    /** Cuts the file to {@code size} bytes; the next write goes there. */
    void truncate(long size) throws IOException;

    /** Forces what was written to the storage device. */
    void sync() throws IOException;

    boolean isOpen();
}
