package io.github.rerun4j.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file a command writes ({@code render --out}, {@code points --out}): checked before any work is done, then
 * written to a temporary file beside it and moved into place, so that a failed write (full disk, quota, I/O
 * error) never leaves a partial file under the final name and an existing file stays as it was.
 */
final class OutputFile {

    /** Writes the content to a stream; the stream is buffered and closed by {@link #write}. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content to a file of its own (a sink that opens the path itself); it must close what it opens. */
    @FunctionalInterface
    interface FileContent {
        void writeTo(Path temporary) throws IOException;
    }

    private OutputFile() {
    }

    /**
     * {@code file} (given as {@code --out}) if it can be a file to write: not a directory, in an existing
     * writable directory; else a usage error. Called before the command's work, so a typo costs nothing.
     *
     * @param exampleName a file name for the message when {@code file} is a directory, e.g. {@code depth.png}
     */
    static Path requireWritable(Path file, String exampleName) {
        String option = "--out";
        if (Files.isDirectory(file)) {
            throw CliException.usage(option + " " + file + " is a directory; expected a file name, e.g. "
                    + file.resolve(exampleName));
        }
        Path dir = directoryOf(file);
        if (!Files.isDirectory(dir)) {
            throw CliException.usage(option + " " + file + ": no such directory: " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw CliException.usage(option + " " + file + ": cannot write to directory " + dir + ": permission denied");
        }
        return file;
    }

    /**
     * Writes {@code content} to {@code file} through a temporary file in the same directory, then renames it
     * (atomically where the file system can). On failure the temporary file is removed and the error is a
     * usage error, as for an unwritable directory: it is about the place, not about the data.
     */
    static void write(Path file, Content content) {
        writeFile(file, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * As {@link #write(Path, Content)}, for content that writes a file by its path (the SDK's {@code FileSink}):
     * it gets the temporary file, which is moved into place once {@code content} returns.
     */
    static void writeFile(Path file, FileContent content) {
        Path tmp = null;
        try {
            tmp = createTemporary(file);
            content.writeTo(tmp);
            moveIntoPlace(tmp, file);
            tmp = null;
        } catch (IOException e) {
            throw CliException.usage("cannot write " + file + ": " + rootReason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do: the final name is untouched either way
                }
            }
        }
    }

    /** A new, hidden, uniquely named file beside {@code file}, created with the default permissions. */
    private static Path createTemporary(Path file) throws IOException {
        Path dir = directoryOf(file);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void moveIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this is rare (some network file systems): still never a partial final file.
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    /** The innermost error's message: ImageIO, for one, wraps "File too large" in "I/O error writing PNG file!". */
    static String rootReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return OutputFailure.reason(root);
    }
}
