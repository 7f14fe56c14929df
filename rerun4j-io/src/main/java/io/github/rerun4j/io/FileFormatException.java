package io.github.rerun4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file a reader refuses: the message names the file, where in it the problem is (a byte offset, a header
 * field, a key) and what was expected there, so that a user can tell a wrong option from a damaged file.
 * {@code depth.pfm: header token 3 (scale): expected a non-zero number whose sign gives the byte order, found "0"}.
 */
public class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String where;
    private final String expected;

    /**
     * @param file     the file refused
     * @param where    the place in it: {@code "offset 25 (IHDR colour type)"}, {@code "key camera_matrix"}
     * @param expected what would have been accepted, with what was found
     */
    public FileFormatException(Path file, String where, String expected) {
        this(file, where, expected, null);
    }

    /** As {@link #FileFormatException(Path, String, String)}, keeping the low-level cause. */
    public FileFormatException(Path file, String where, String expected, Throwable cause) {
        super(file + ": " + where + ": " + expected, cause);
        this.file = file;
        this.where = where;
        this.expected = expected;
    }

    /** The file refused. */
    public Path file() {
        return file;
    }

    /** Where in the file: an offset, a header field or a key. */
    public String where() {
        return where;
    }

    /** What was expected there (and what was found). */
    public String expected() {
        return expected;
    }
}
