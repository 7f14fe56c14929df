package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one depth file into a {@link DepthImage} holding the file's own values and element type (no meter
 * set: the unit is the caller's, see {@link DepthUnit}). The format comes from the extension
 * ({@link DepthFileKind}); every refusal is a {@link FileFormatException} naming the file, the offset or
 * header field, and what was expected.
 *
 * <p>Invalid markers: integer images keep their 0 ("no measurement" in every integer format met), float
 * images keep NaN and have their infinities (PFM's "unknown") turned into NaN; both make no 3D point in Rerun.
 *
 * <pre>{@code
 * DepthImage depth = DepthReader.read(Path.of("depth/000001.png")).withMeter(DepthUnit.MM.meter());
 * }</pre>
 */
public final class DepthReader {

    private DepthReader() {
    }

    /** Reads {@code file} by its extension. */
    public static DepthImage read(Path file) throws IOException {
        return read(file, DepthReadOptions.DEFAULT);
    }

    /** Reads {@code file} by its extension, or as raw pixels when {@code options} has a layout. */
    public static DepthImage read(Path file, DepthReadOptions options) throws IOException {
        if (options.raw() != null) {
            return RawDepth.read(file, bytes(file), options.raw());
        }
        DepthFileKind kind = DepthFileKind.of(file).orElseThrow(() -> new FileFormatException(file, "file name",
                "expected one of the extensions " + DepthFileKind.allExtensions()));
        return switch (kind) {
            case PNG -> PngDepth.read(file, bytes(file));
            case PFM -> PfmDepth.read(file, bytes(file));
            case PGM -> PgmDepth.read(file, bytes(file));
            case NPY -> NpyDepth.read(file, bytes(file));
            case NPZ -> NpzDepth.read(file, options.npzKey());
            case TIFF -> TiffDepth.read(file, bytes(file));
            case RAW -> throw new FileFormatException(file, "file name", "expected a raw layout (width, height, type) "
                    + "for a headerless file");
        };
    }

    private static byte[] bytes(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new FileFormatException(file, "file size", "expected at most 2 GiB for one depth frame, found " + size
                    + " bytes");
        }
        return Files.readAllBytes(file);
    }
}
