package io.github.rerun4j.viewer.api;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An {@link EncodedImage} (PNG or JPEG) decoded to the colour {@link Image} the viewer shows: single-channel files
 * as L8 (16-bit samples reduced to their high byte), everything else as RGBA8 with the file's alpha (16-bit
 * channels reduced to 8 bits, palettes expanded), as Rerun 0.33 does. Decoded by the reader of the media type the
 * blob states (the logged one, else sniffed), so a PNG labelled {@code image/jpeg} fails as it does in Rerun.
 * ImageIO lives here, in the viewer; the SDK never decodes colour files.
 *
 * <pre>{@code
 * EncodedImage encoded = ArchetypeQueries.encodedImageAt(store, "/camera/rgb", "frame", 0).orElseThrow().value();
 * Image shown = EncodedImageDecoder.decode(encoded);
 * }</pre>
 */
public final class EncodedImageDecoder {

    static {
        ImageIO.setUseCache(false); // decode in memory: no temporary files per request
    }

    private EncodedImageDecoder() {
    }

    /**
     * @throws InvalidArgumentException naming {@code EncodedImage.mediaType} or {@code EncodedImage.blob} when the
     *                                  blob does not decode as its media type
     */
    public static Image decode(EncodedImage encoded) {
        String type = encoded.effectiveMediaType();
        if (type == null || !EncodedImage.MEDIA_TYPES.contains(type)) {
            throw new InvalidArgumentException("EncodedImage.mediaType", String.valueOf(type),
                    "one of " + EncodedImage.MEDIA_TYPES + " (or bytes that start like one)");
        }
        ByteBuffer blob = encoded.blob().asByteBuffer();
        byte[] bytes = new byte[blob.remaining()];
        blob.get(bytes);
        BufferedImage decoded;
        try {
            decoded = read(bytes, type);
        } catch (IOException | RuntimeException e) {
            throw new InvalidArgumentException("EncodedImage.blob", bytes.length + " bytes of " + type,
                    "a complete " + type + " file (" + e.getMessage() + ")");
        }
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        Raster raster = decoded.getRaster();
        if (raster.getNumBands() <= 2) {
            // Grey (and grey + alpha, whose alpha Rerun drops): the samples themselves. getRGB would pass them
            // through Java's linear grey colour space and change every value.
            int shift = raster.getSampleModel().getSampleSize(0) > 8 ? 8 : 0;
            byte[] grey = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = (byte) (raster.getSample(x, y, 0) >> shift);
                }
            }
            return Image.fromL8(grey, w, h);
        }
        return Image.fromArgb(decoded.getRGB(0, 0, w, h, null, 0, w), w, h);
    }

    private static BufferedImage read(byte[] bytes, String mediaType) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new IOException("no decoder for " + mediaType + " in this Java runtime");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            // The header's size first: a small file may claim a huge image (a decompression bomb).
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > DecodedImages.MAX_COLOUR_PIXELS) {
                throw new IOException(reader.getWidth(0) + "x" + reader.getHeight(0) + " is more than "
                        + DecodedImages.MAX_COLOUR_PIXELS + " pixels");
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
