package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.EncodedImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.ImageFields;
import io.github.rerun4j.sdk.internal.codec.Serializers;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.Latest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which colour image colours a depth entity's cloud in {@link RgbCloud} (the one rule of the CLI's
 * {@code --rgb-clouds} and the viewer's RGB cloud toggle): an {@link Image}, or an {@link EncodedImage} (PNG, JPEG)
 * decoded by the caller's {@link Decoder} (render reads no image files). The hint
 * {@code rerun4j.DepthCloudColor:source} on the depth entity names the colour image; without it the candidates are
 * every other entity with an Image or EncodedImage under the depth image's Pinhole, siblings of the depth entity
 * first, then the Pinhole entity itself, then by path, and the first with an image at the query time is used (an
 * Image before an EncodedImage of the same entity).
 *
 * <pre>{@code
 * RgbCloudSource.Pairing p = RgbCloudSource.find(store, "frame", 0, "/cam/depth", "/cam", chain, decoder);
 * if (p.status() == RgbCloudSource.Status.PAIRED) {
 *     int[] argb = RgbCloud.registered(cloud, p.image().value()).cloud().argb();
 * }
 * }</pre>
 */
public final class RgbCloudSource {

    private RgbCloudSource() {
    }

    /** Decodes the {@code EncodedImage} of a colour entity into the image it shows (throws when it cannot). */
    @FunctionalInterface
    public interface Decoder {
        Image decode(String entity, Latest<EncodedImage> encoded);
    }

    /** The outcome of a search. */
    public enum Status {
        /** {@code image} colours the cloud. */
        PAIRED,
        /** No hint and no colour image under the pinhole at this time: the cloud keeps its colormap. */
        NONE,
        /** The hint names {@code source}, which has no Image at this time. */
        HINT_WITHOUT_IMAGE,
        /**
         * The hint names {@code source}, which is under another pinhole ({@code sourcePinhole}, null: none): an
         * unregistered pair ({@link RgbCloud#unregistered}) when there is one.
         */
        HINT_UNDER_ANOTHER_PINHOLE,
        /** The colour source's EncodedImage at this time does not decode ({@code problem} says why). */
        UNDECODABLE
    }

    /**
     * @param source        the colour entity used or named by the hint, null for {@link Status#NONE}
     * @param image         its image when {@link Status#PAIRED} or {@link Status#HINT_UNDER_ANOTHER_PINHOLE}, else null
     * @param candidates    without a hint, every candidate in order (more than one: the choice was ambiguous)
     * @param sourcePinhole for {@link Status#HINT_UNDER_ANOTHER_PINHOLE}: the hinted entity's pinhole, or null
     * @param problem       for {@link Status#UNDECODABLE}: why the colour source's blob does not decode, else null
     */
    public record Pairing(Status status, String source, Latest<Image> image, List<String> candidates,
                          String sourcePinhole, String problem) {
    }

    /** A colour image that could not be decoded. */
    private static final class Undecodable extends Exception {
        private static final long serialVersionUID = 1L;

        Undecodable(String message) {
            super(message, null, false, false);
        }
    }

    /** The colour source of {@code depthEntity}'s cloud, seen through the pinhole {@code pinhole}. */
    public static Pairing find(ChunkStore store, String timeline, long time, String depthEntity, String pinhole,
                               TransformChain chain, Decoder decoder) {
        Optional<String> hint = store.latestAt(depthEntity, ArchetypeCodec.DEPTH_CLOUD_COLOR_SOURCE.component(),
                timeline, time).map(r -> r.read(ArchetypeCodec.DEPTH_CLOUD_COLOR_SOURCE, Serializers.UTF8));
        if (hint.isPresent()) {
            String path = hint.get();
            Optional<Latest<Image>> colour;
            try {
                colour = colourAt(store, path, timeline, time, decoder);
            } catch (Undecodable e) {
                return new Pairing(Status.UNDECODABLE, path, null, List.of(), null, e.getMessage());
            }
            if (colour.isEmpty()) {
                return new Pairing(Status.HINT_WITHOUT_IMAGE, path, null, List.of(), null, null);
            }
            Optional<String> its = chain.cameraFor(path).map(PinholeCamera::entityPath);
            if (!its.equals(Optional.of(pinhole))) {
                return new Pairing(Status.HINT_UNDER_ANOTHER_PINHOLE, path, colour.get(), List.of(), its.orElse(null), null);
            }
            return new Pairing(Status.PAIRED, path, colour.get(), List.of(), null, null);
        }
        String depthParent = parent(depthEntity);
        Set<String> colourComponents = Set.of(ImageFields.BUFFER.component(), EncodedImageFields.BLOB.component());
        List<String> candidates = store.entityPaths().stream()
                .filter(e -> !e.equals(depthEntity))
                .filter(e -> store.components(e).stream().anyMatch(c -> colourComponents.contains(c.component())))
                .filter(e -> chain.cameraFor(e).map(PinholeCamera::entityPath).filter(pinhole::equals).isPresent())
                .sorted(Comparator.<String, Integer>comparing(e -> parent(e).equals(depthParent) ? 0 : e.equals(pinhole) ? 1 : 2)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String candidate : candidates) {
            Optional<Latest<Image>> colour;
            try {
                colour = colourAt(store, candidate, timeline, time, decoder);
            } catch (Undecodable e) {
                return new Pairing(Status.UNDECODABLE, candidate, null, candidates, null, e.getMessage());
            }
            if (colour.isPresent()) {
                return new Pairing(Status.PAIRED, candidate, colour.get(), candidates, null, null);
            }
        }
        return new Pairing(Status.NONE, null, null, candidates, null, null);
    }

    /** {@code entity}'s Image at the time, else its EncodedImage decoded (the row is the encoded one's). */
    private static Optional<Latest<Image>> colourAt(ChunkStore store, String entity, String timeline, long time,
                                                    Decoder decoder) throws Undecodable {
        Optional<Latest<Image>> image = ArchetypeQueries.imageAt(store, entity, timeline, time);
        if (image.isPresent()) {
            return image;
        }
        Optional<Latest<EncodedImage>> encoded = ArchetypeQueries.encodedImageAt(store, entity, timeline, time);
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        Latest<EncodedImage> e = encoded.get();
        try {
            return Optional.of(new Latest<>(decoder.decode(entity, e), e.row()));
        } catch (RuntimeException failure) {
            throw new Undecodable(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        }
    }

    private static String parent(String entity) {
        return EntityPath.parse(entity).parent().map(EntityPath::toString).orElse("/");
    }
}
