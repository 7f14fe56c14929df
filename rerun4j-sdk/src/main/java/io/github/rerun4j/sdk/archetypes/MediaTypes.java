package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.encoding.GreyPng;
import io.github.rerun4j.sdk.encoding.Rvl;

import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The media types of encoded images and their magic bytes. Rerun 0.33–0.36 match the string exactly (lower case,
 * {@code image/jpg} is not {@code image/jpeg}) and sniff only PNG and JPEG.
 */
final class MediaTypes {

    static final String PNG = GreyPng.MEDIA_TYPE;
    static final String JPEG = "image/jpeg";
    static final String RVL = Rvl.MEDIA_TYPE;

    private MediaTypes() {
    }

    /** Checks that {@code mediaType} is one of {@code accepted} (a null media type passes). */
    static @Nullable String check(String field, @Nullable String mediaType, List<String> accepted) {
        if (mediaType != null && !accepted.contains(mediaType)) {
            throw new InvalidArgumentException(field, '"' + mediaType + '"', "one of " + accepted
                    + " (the viewer matches the string exactly and rejects any other as an unsupported codec)");
        }
        return mediaType;
    }

    /** PNG or JPEG by magic bytes, else null. */
    static @Nullable String sniff(ByteBuffer blob) {
        if (GreyPng.hasSignature(blob)) {
            return PNG;
        }
        if (blob.remaining() >= 2 && (blob.get(blob.position()) & 0xFF) == 0xFF
                && (blob.get(blob.position() + 1) & 0xFF) == 0xD8) {
            return JPEG;
        }
        return null;
    }

    /** Checks that the blob's magic bytes fit the media type it is logged with (RVL has none). */
    static void checkMagic(String field, ByteBuffer blob, String mediaType) {
        String sniffed = sniff(blob);
        if ((mediaType.equals(PNG) || mediaType.equals(JPEG)) && !mediaType.equals(sniffed)) {
            throw new InvalidArgumentException(field, start(blob), "a " + (mediaType.equals(PNG)
                    ? "PNG file (starting 89 50 4E 47 0D 0A 1A 0A)" : "JPEG file (starting FF D8)")
                    + " for media type " + mediaType);
        }
    }

    /** The size and first bytes of a blob, for messages. */
    static String start(ByteBuffer blob) {
        StringBuilder sb = new StringBuilder(blob.remaining() + " bytes");
        int shown = Math.min(8, blob.remaining());
        if (shown > 0) {
            sb.append(" starting");
        }
        for (int i = 0; i < shown; i++) {
            sb.append(' ').append(String.format("%02X", blob.get(blob.position() + i) & 0xFF));
        }
        return sb.toString();
    }
}
