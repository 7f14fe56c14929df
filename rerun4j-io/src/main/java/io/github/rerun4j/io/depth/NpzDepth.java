package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * NumPy {@code .npz}: a ZIP of {@code <key>.npy} members (stored by {@code np.savez}, deflated by
 * {@code savez_compressed}). The member is chosen by key, or is the only one, or the only 2-D one.
 */
final class NpzDepth {

    /** A member larger than this is refused before it is read (a depth frame is a few MB). */
    static final long MAX_MEMBER_BYTES = Integer.MAX_VALUE - 16;

    private NpzDepth() {
    }

    static DepthImage read(Path file, @Nullable String key) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> arrays = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".npy")) {
                    arrays.add(entry);
                }
            }
            List<String> keys = arrays.stream().map(a -> a.getName().substring(0, a.getName().length() - 4)).toList();
            if (key != null) {
                int i = keys.indexOf(key);
                if (i < 0) {
                    throw new FileFormatException(file, "member " + key + ".npy", "expected one of the arrays " + keys);
                }
                return NpyDepth.read(member(file, arrays.get(i)), bytes(zip, file, arrays.get(i)));
            }
            if (arrays.isEmpty()) {
                throw new FileFormatException(file, "members", "expected at least one .npy array, found none");
            }
            if (arrays.size() == 1) {
                return NpyDepth.read(member(file, arrays.get(0)), bytes(zip, file, arrays.get(0)));
            }
            // Several arrays: the only one that is an image (2-D after unit dimensions), if there is one.
            byte[] chosen = null;
            ZipEntry chosenEntry = null;
            List<String> images = new ArrayList<>();
            for (ZipEntry entry : arrays) {
                byte[] bytes = bytes(zip, file, entry);
                try {
                    NpyDepth.header(member(file, entry), bytes);
                    images.add(entry.getName());
                    chosen = bytes;
                    chosenEntry = entry;
                } catch (FileFormatException notAnImage) {
                    // a calibration vector, a scalar: not the depth
                }
            }
            if (images.size() != 1 || chosen == null) {
                throw new FileFormatException(file, "members", "expected one 2-D array or a key to choose one of "
                        + keys + ", found " + images.size() + " 2-D arrays");
            }
            return NpyDepth.read(member(file, chosenEntry), chosen);
        } catch (ZipException e) {
            throw new FileFormatException(file, "ZIP directory", "expected a ZIP archive of .npy arrays (np.savez): "
                    + e.getMessage(), e);
        }
    }

    /** The member as a path for messages: {@code frames.npz!/depth.npy}. */
    private static Path member(Path file, ZipEntry entry) {
        return Path.of(file + "!", entry.getName());
    }

    private static byte[] bytes(ZipFile zip, Path file, ZipEntry entry) throws IOException {
        if (entry.getSize() > MAX_MEMBER_BYTES) {
            throw new FileFormatException(file, "member " + entry.getName(), "expected at most 2 GiB, found "
                    + entry.getSize() + " bytes");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (ZipException e) {
            throw new FileFormatException(file, "member " + entry.getName(), "expected intact compressed data: "
                    + e.getMessage(), e);
        }
    }
}
