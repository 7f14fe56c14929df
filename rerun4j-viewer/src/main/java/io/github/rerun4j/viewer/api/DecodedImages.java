package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.image.ColorTexels;
import io.github.rerun4j.render.image.EncodedDepth;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.store.Latest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Frames the page needs in another form than they are stored, made once per row and kept for the requests that
 * follow (the scene, the pixels, the hover of one frame all ask for the same row): encoded depth decoded by
 * render's {@link EncodedDepth} (then drawn as the DepthImage it is), and colour images as the RGBA8 texels of
 * render's {@link ColorTexels} (an {@code EncodedImage} first decoded by {@link EncodedImageDecoder}). A blob that
 * does not decode is remembered with its message, so a broken frame costs one attempt, not one per request.
 *
 * <p>Bounded by bytes (least recently used out first); a row's id names its pixels for good, so nothing here is
 * ever stale.
 */
public final class DecodedImages {

    /** About forty 640x480 frames of either kind; a larger frame than this still decodes, it is just not kept. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final long maxBytes;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public DecodedImages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * A colour image's on-screen texels, RGBA8 row-major, alpha not premultiplied (opacity not applied).
     *
     * @param rgba read-only, position 0: hand out {@code duplicate()}s
     */
    public record Texels(int width, int height, ByteBuffer rgba) {
    }

    /** The blob of {@code entity}'s frame could not be decoded; the message names the field and why. */
    public static final class DecodeFailure extends RuntimeException {
        DecodeFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** The decoded depth image of an {@code EncodedDepthImage} row, with 0.33's fallbacks (render's EncodedDepth). */
    public DepthImage depth(String recording, String entity, Latest<EncodedDepthImage> encoded) {
        return (DepthImage) get(key(recording, entity, encoded, "depth"), () -> {
            DepthImage d = EncodedDepth.asDepthImage(encoded.value());
            return new Entry(d, null, d.buffer().size());
        });
    }

    /** The texels of a colour {@code Image} row. */
    public Texels colour(String recording, String entity, Latest<Image> image) {
        return (Texels) get(key(recording, entity, image, "image"), () -> texels(image.value()));
    }

    /** An {@code EncodedImage} row decoded into the colour image it shows (an RGB cloud's colour source). */
    public Image encodedColourImage(String recording, String entity, Latest<EncodedImage> image) {
        return (Image) get(key(recording, entity, image, "encoded-image-pixels"), () -> {
            Image decodedImage = EncodedImageDecoder.decode(image.value());
            return new Entry(decodedImage, null, decodedImage.buffer().size());
        });
    }

    /** The texels of an {@code EncodedImage} row, decoded on the server. */
    public Texels encodedColour(String recording, String entity, Latest<EncodedImage> image) {
        // From the decoded image an RGB cloud's pairing also uses: the blob is decoded once per row.
        return (Texels) get(key(recording, entity, image, "encoded-image"),
                () -> texels(encodedColourImage(recording, entity, image)));
    }

    /**
     * An unregistered pair's colours in the depth image's pixel grid (render's {@link
     * io.github.rerun4j.render.scene.RgbCloud#unregisteredTexels}): pixel {@code (x, y)} of the {@code width x height}
     * depth image has its colour texel's RGB with alpha 255, or alpha 0 when its point keeps the colormap colour.
     *
     * @param rgba          read-only, position 0: hand out {@code duplicate()}s
     * @param texelOfPixel  per depth pixel, the colour texel's row-major index, or -1 (the hover says which texel)
     */
    public record PixelColours(int width, int height, ByteBuffer rgba, int[] texelOfPixel) {
    }

    /**
     * An unregistered pair's colours, made by {@code make} once per {@code key}: the key names the depth row, the
     * colour row (both name their pixels for good) and both cameras (transforms at the query time may change).
     */
    PixelColours pixelColours(String recording, String key, Supplier<PixelColours> make) {
        return (PixelColours) get(recording + '\0' + key + '\0' + "rgb-cloud", () -> {
            PixelColours c = make.get();
            return new Entry(c, null, c.rgba().capacity() + 4L * c.texelOfPixel().length);
        });
    }

    /**
     * The most pixels a colour image may have to be shown (256 MiB of RGBA8 texels): a larger one is an error on its
     * entity, not an out-of-memory for the whole server (depth images are served as stored and have no such limit).
     */
    public static final long MAX_COLOUR_PIXELS = 1L << 26;

    private static Entry texels(Image image) {
        long pixels = (long) image.width() * image.height();
        if (pixels > MAX_COLOUR_PIXELS) {
            throw new InvalidArgumentException("Image.format", image.width() + "x" + image.height(),
                    "at most " + MAX_COLOUR_PIXELS + " pixels for the viewer to convert to screen colours");
        }
        int[] argb = ColorTexels.of(image);
        ByteBuffer rgba = ByteBuffer.allocate(argb.length * 4).order(ByteOrder.BIG_ENDIAN);
        for (int p : argb) {
            rgba.putInt((p << 8) | (p >>> 24)); // 0xAARRGGBB -> bytes R, G, B, A
        }
        rgba.flip();
        return new Entry(new Texels(image.width(), image.height(), rgba.asReadOnlyBuffer()), null, argb.length * 4L);
    }

    private static String key(String recording, String entity, Latest<?> row, String kind) {
        return recording + '\0' + entity + '\0' + row.row().rowId() + '\0' + kind;
    }

    private Object get(String key, Supplier<Entry> make) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry == null) {
            // Decoded outside the lock: one slow frame must not hold up every other request.
            try {
                entry = make.get();
            } catch (InvalidArgumentException | DecodeFailure e) {
                entry = new Entry(null, e.getMessage(), 64);
            } catch (RuntimeException e) {
                // A decoder's own failure on hostile bytes (ImageIO throws several kinds): still this frame's
                // problem, shown on its entity, not a 500 for the whole page.
                entry = new Entry(null, "blob: cannot decode (" + e + ")", 64);
            }
            put(key, entry);
        }
        if (entry.error != null) {
            throw new DecodeFailure(entry.error);
        }
        return entry.value;
    }

    private synchronized void put(String key, Entry entry) {
        if (entry.bytes > maxBytes) {
            return;
        }
        Entry old = entries.put(key, entry);
        bytes += entry.bytes - (old == null ? 0 : old.bytes);
        for (Iterator<Entry> it = entries.values().iterator(); bytes > maxBytes && it.hasNext(); ) {
            bytes -= it.next().bytes;
            it.remove();
        }
    }

    private record Entry(Object value, String error, long bytes) {
    }
}
