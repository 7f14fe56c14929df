package io.github.rerun4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a FILE argument before it is opened, so that a typo in a path is reported as a usage error
 * (exit 2) and never confused with a damaged file (exit 1).
 */
final class InputFile {

    private InputFile() {
    }

    /** {@code file} if it is a readable regular file, else a {@link CliException#usage(String)}. */
    static Path requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw CliException.usage("no such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("not a file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw CliException.usage("cannot read " + file + ": permission denied");
        }
        return file;
    }
}
