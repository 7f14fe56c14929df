package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Require;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A colour image as an encoded file (PNG or JPEG), decoded by the viewer. Archetype
 * {@code rerun.archetypes.EncodedImage}.
 *
 * <p>The factories check that the bytes are what the media type says (by magic bytes; the image itself is
 * decoded by the viewer) and always write the media type, since Rerun matches it exactly: {@code image/png} and
 * {@code image/jpeg}; anything else is an {@link InvalidArgumentException}. Log encoded images on a timeline:
 * static ones can hang in 0.33. {@code magnificationFilter} is part of the archetype but ignored by the 0.33
 * viewer (encoded images are magnified with Nearest).
 *
 * <pre>{@code
 * byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};   // the bytes of a .jpg file
 * EncodedImage frame = EncodedImage.of(jpeg, "image/jpeg");
 * EncodedImage sniffed = EncodedImage.of(jpeg);                          // media type from the magic bytes
 * }</pre>
 *
 * @param blob                the file's bytes, not empty (required)
 * @param mediaType           {@code image/png}, {@code image/jpeg}, or null (then the viewer sniffs)
 * @param opacity             0..1, or null
 * @param drawOrder           2D layering, finite, or null
 * @param magnificationFilter or null (ignored by the viewer)
 */
public record EncodedImage(ImageBuffer blob, @Nullable String mediaType, @Nullable Float opacity,
                           @Nullable Float drawOrder, @Nullable MagnificationFilter magnificationFilter)
        implements Archetype {

    /** The media types the 0.33 viewer decodes for this archetype. */
    public static final List<String> MEDIA_TYPES = List.of(MediaTypes.PNG, MediaTypes.JPEG);

    /** Validates every field; see the record components. */
    public EncodedImage {
        Require.nonNull("EncodedImage.blob", blob);
        if (blob.size() == 0) {
            throw new InvalidArgumentException("EncodedImage.blob", "0 bytes", "the bytes of a PNG or JPEG file");
        }
        MediaTypes.check("EncodedImage.mediaType", mediaType, MEDIA_TYPES);
        if (opacity != null && (!Float.isFinite(opacity) || opacity < 0 || opacity > 1)) {
            throw new InvalidArgumentException("EncodedImage.opacity", opacity.toString(), "a value in 0..1");
        }
        if (drawOrder != null) {
            Require.finite("EncodedImage.drawOrder", drawOrder);
        }
    }

    /**
     * The bytes of a PNG or JPEG file with their media type, checked against the file's magic bytes.
     *
     * @throws InvalidArgumentException for a media type other than {@code image/png} / {@code image/jpeg}, or bytes
     *                                  that are not that kind of file
     */
    public static EncodedImage of(byte[] blob, String mediaType) {
        Require.nonNull("EncodedImage.blob", blob);
        Require.nonNull("EncodedImage.mediaType", mediaType);
        MediaTypes.check("EncodedImage.mediaType", mediaType, MEDIA_TYPES);
        ImageBuffer copy = ImageBuffer.of(blob);
        MediaTypes.checkMagic("EncodedImage.blob", copy.asByteBuffer(), mediaType);
        return new EncodedImage(copy, mediaType, null, null, null);
    }

    /** The bytes of a PNG or JPEG file; the media type is taken from its magic bytes (and written). */
    public static EncodedImage of(byte[] blob) {
        Require.nonNull("EncodedImage.blob", blob);
        ImageBuffer copy = ImageBuffer.of(blob);
        String sniffed = MediaTypes.sniff(copy.asByteBuffer());
        if (sniffed == null) {
            throw new InvalidArgumentException("EncodedImage.blob", MediaTypes.start(copy.asByteBuffer()),
                    "a PNG (89 50 4E 47 ...) or JPEG (FF D8 ...) file");
        }
        return new EncodedImage(copy, sniffed, null, null, null);
    }

    /** A PNG file's bytes. */
    public static EncodedImage png(byte[] png) {
        return of(png, MediaTypes.PNG);
    }

    /** A JPEG file's bytes. */
    public static EncodedImage jpeg(byte[] jpeg) {
        return of(jpeg, MediaTypes.JPEG);
    }

    /** Sets or (with null) clears the media type. */
    public EncodedImage withMediaType(@Nullable String mediaType) {
        return new EncodedImage(blob, mediaType, opacity, drawOrder, magnificationFilter);
    }

    /** Opacity in 0..1 (1 = opaque). */
    public EncodedImage withOpacity(double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new InvalidArgumentException("EncodedImage.opacity", Double.toString(opacity), "a value in 0..1");
        }
        return withOpacity((Float) (float) opacity);
    }

    /** Sets or (with null) clears the opacity. */
    public EncodedImage withOpacity(@Nullable Float opacity) {
        return new EncodedImage(blob, mediaType, opacity, drawOrder, magnificationFilter);
    }

    /** 2D layering: higher values are drawn on top (default -10). */
    public EncodedImage withDrawOrder(double drawOrder) {
        return withDrawOrder((Float) Require.toFiniteFloat("EncodedImage.drawOrder", drawOrder));
    }

    /** Sets or (with null) clears the draw order. */
    public EncodedImage withDrawOrder(@Nullable Float drawOrder) {
        return new EncodedImage(blob, mediaType, opacity, drawOrder, magnificationFilter);
    }

    /** Sets or (with null) clears the magnification filter (which the 0.33 viewer ignores for encoded images). */
    public EncodedImage withMagnificationFilter(@Nullable MagnificationFilter magnificationFilter) {
        return new EncodedImage(blob, mediaType, opacity, drawOrder, magnificationFilter);
    }

    /** The media type as the viewer resolves it: the logged one, else sniffed from the bytes (null if neither). */
    public @Nullable String effectiveMediaType() {
        return mediaType != null ? mediaType : MediaTypes.sniff(blob.asByteBuffer());
    }

    @Override
    public String archetypeName() {
        return "rerun.archetypes.EncodedImage";
    }

    /** {@code EncodedImage[mediaType=image/png, blob=1234 bytes]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EncodedImage[mediaType=").append(mediaType);
        if (opacity != null) sb.append(", opacity=").append(opacity);
        if (drawOrder != null) sb.append(", drawOrder=").append(drawOrder);
        if (magnificationFilter != null) sb.append(", magnificationFilter=").append(magnificationFilter);
        return sb.append(", blob=").append(blob.size()).append(" bytes]").toString();
    }
}
