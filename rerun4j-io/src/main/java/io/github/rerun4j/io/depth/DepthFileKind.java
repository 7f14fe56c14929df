package io.github.rerun4j.io.depth;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The depth file formats {@link DepthReader} reads, told apart by the file name's extension. */
public enum DepthFileKind {
    /** 16-bit grey PNG (u16, usually millimetres) or 8-bit grey PNG (u8). */
    PNG("png"),
    /** Portable Float Map, one channel ({@code Pf}). */
    PFM("pfm"),
    /** Binary grey Netpbm ({@code P5}), 8 or 16 bits. */
    PGM("pgm"),
    /** NumPy array. */
    NPY("npy"),
    /** NumPy ZIP archive of arrays. */
    NPZ("npz"),
    /** TIFF (32-bit float, 16-bit or 8-bit grey) through the JDK's TIFF reader. */
    TIFF("tif", "tiff"),
    /** Headerless pixels; needs a {@link RawLayout}. */
    RAW("raw", "bin", "dat");

    private final String[] extensions;

    DepthFileKind(String... extensions) {
        this.extensions = extensions;
    }

    /** The kind for {@code file}'s extension (case-insensitive), if it is one of the supported ones. */
    public static Optional<DepthFileKind> of(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = s.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = s.substring(dot + 1);
        for (DepthFileKind kind : values()) {
            for (String e : kind.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }

    /** All extensions, for messages: {@code .png .pfm ...}. */
    public static String allExtensions() {
        StringBuilder sb = new StringBuilder();
        for (DepthFileKind kind : values()) {
            for (String e : kind.extensions) {
                sb.append(sb.length() == 0 ? "." : " .").append(e);
            }
        }
        return sb.toString();
    }
}
