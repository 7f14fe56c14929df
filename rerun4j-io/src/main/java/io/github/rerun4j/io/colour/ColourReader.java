package io.github.rerun4j.io.colour;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Colour frames (PNG, JPEG): as the file's own bytes ({@link #encoded}, the default: no decoding, no
 * re-encoding, the viewer decodes) or decoded to 8-bit RGB pixels ({@link #decoded}, for tools that need
 * pixels; several times larger in the recording).
 */
public final class ColourReader {

    private ColourReader() {
    }

    /** The file's bytes as an {@link EncodedImage}, its media type from its magic bytes. */
    public static EncodedImage encoded(Path file) throws IOException {
        byte[] bytes = bytes(file);
        try {
            return EncodedImage.of(bytes);
        } catch (InvalidArgumentException e) {
            throw new FileFormatException(file, "offset 0 (magic bytes)", "expected a PNG or JPEG file, found "
                    + e.value(), e);
        }
    }

    /** The file decoded (ImageIO) to an 8-bit {@link Image}: BGR, RGB, RGBA or grey, as the decoder gives it. */
    public static Image decoded(Path file) throws IOException {
        byte[] bytes = bytes(file);
        BufferedImage image;
        // Not ImageIO.read(stream): it closes the stream itself, and a second close fails.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new FileFormatException(file, "offset 0 (magic bytes)", "expected a PNG or JPEG file ImageIO can decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (FileFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileFormatException(file, "image data", "expected a complete PNG or JPEG file: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return pixels(image);
    }

    /**
     * The decoder's own pixel layout when it is a plain one (JPEG and PNG decode to interleaved BGR, grey or
     * ABGR bytes): handed over as is (BGR, L) or reordered in one pass (ABGR to RGBA); anything else through
     * {@code getRGB}, which converts colour spaces pixel by pixel and is several times slower.
     */
    private static Image pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getRaster().getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1
                && image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getScanlineStride() == w * sm.getPixelStride() && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0 && bytes.getOffset() == 0) {
            byte[] data = bytes.getData();
            switch (image.getType()) {
                case BufferedImage.TYPE_3BYTE_BGR -> {
                    return Image.fromBgr8(data, w, h);
                }
                case BufferedImage.TYPE_BYTE_GRAY -> {
                    return Image.fromL8(data, w, h);
                }
                case BufferedImage.TYPE_4BYTE_ABGR -> {
                    byte[] rgba = new byte[w * h * 4];
                    for (int i = 0; i < w * h; i++) {
                        rgba[i * 4] = data[i * 4 + 3];
                        rgba[i * 4 + 1] = data[i * 4 + 2];
                        rgba[i * 4 + 2] = data[i * 4 + 1];
                        rgba[i * 4 + 3] = data[i * 4];
                    }
                    return Image.fromRgba8(rgba, w, h);
                }
                default -> {
                    // other byte layouts: the general path below
                }
            }
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[i * 3] = (byte) (argb[i] >> 16);
            rgb[i * 3 + 1] = (byte) (argb[i] >> 8);
            rgb[i * 3 + 2] = (byte) argb[i];
        }
        return Image.fromRgb8(rgb, w, h);
    }

    private static byte[] bytes(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new FileFormatException(file, "file size", "expected at most 2 GiB for one colour frame, found " + size);
        }
        return Files.readAllBytes(file);
    }
}
