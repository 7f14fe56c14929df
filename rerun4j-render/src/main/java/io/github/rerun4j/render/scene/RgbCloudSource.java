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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which colour image colours a depth entity's cloud in {@link RgbCloud} (the one rule of
 * the CLI's {@code --rgb-clouds} and the viewer's RGB cloud toggle). The hint {@code rerun4j.DepthCloudColor:source}
 * on the depth entity names the colour image; without it the candidates are every other entity with an Image or an
 * EncodedImage under the depth image's Pinhole, siblings of the depth entity first, then the Pinhole entity itself,
 * then by path, and the first with an image at the query time is used. An {@code EncodedImage} (PNG, JPEG) is
 * decoded by the caller's {@link ColourImages} (render itself decodes no image files: it has no ImageIO).
 *
 * <pre>{@code
 * RgbCloudSource.ColourImages images = RgbCloudSource.ColourImages.of(store, "frame", 0, decoder::decode);
 * RgbCloudSource.Pairing p = RgbCloudSource.find(store, "frame", 0, "/cam/depth", "/cam", chain, images);
 * if (p.status() == RgbCloudSource.Status.PAIRED) {
 *     int[] argb = RgbCloud.registered(cloud, p.image().value()).cloud().argb();
 * }
 * }</pre>
 */
public final class RgbCloudSource {

    private RgbCloudSource() {
    }

    /**
     * The colour image of an entity at the query time, as its on-screen {@link Image}: an {@code Image} as logged, an
     * {@code EncodedImage} decoded (a caller may cache the decoded frames).
     */
    @FunctionalInterface
    public interface ColourImages {

        /** The colour image of {@code entity}, or empty when it has none at the query time. */
        Optional<Latest<Image>> at(String entity);

        /**
         * Read from {@code store}: an {@code Image}, else an {@code EncodedImage} decoded by {@code decode} (which
         * throws the decoder's error, naming the blob, for a file that does not decode).
         */
        static ColourImages of(ChunkStore store, String timeline, long time, Function<EncodedImage, Image> decode) {
            Objects.requireNonNull(decode, "decode");
            return entity -> ArchetypeQueries.imageAt(store, entity, timeline, time).or(() ->
                    ArchetypeQueries.encodedImageAt(store, entity, timeline, time)
                            .map(e -> new Latest<>(decode.apply(e.value()), e.row())));
        }
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
        HINT_UNDER_ANOTHER_PINHOLE
    }

    /**
     * @param source        the colour entity used or named by the hint, null for {@link Status#NONE}
     * @param image         its image when {@link Status#PAIRED} or {@link Status#HINT_UNDER_ANOTHER_PINHOLE}, else null
     * @param candidates    without a hint, every candidate in order (more than one: the choice was ambiguous)
     * @param sourcePinhole for {@link Status#HINT_UNDER_ANOTHER_PINHOLE}: the hinted entity's pinhole, or null
     */
    public record Pairing(Status status, String source, Latest<Image> image, List<String> candidates,
                          String sourcePinhole) {
    }

    /** The colour source of {@code depthEntity}'s cloud, seen through the pinhole {@code pinhole}. */
    public static Pairing find(ChunkStore store, String timeline, long time, String depthEntity, String pinhole,
                               TransformChain chain, ColourImages images) {
        Optional<String> hint = store.latestAt(depthEntity, ArchetypeCodec.DEPTH_CLOUD_COLOR_SOURCE.component(),
                timeline, time).map(r -> r.read(ArchetypeCodec.DEPTH_CLOUD_COLOR_SOURCE, Serializers.UTF8));
        if (hint.isPresent()) {
            String path = hint.get();
            Optional<Latest<Image>> colour = images.at(path);
            if (colour.isEmpty()) {
                return new Pairing(Status.HINT_WITHOUT_IMAGE, path, null, List.of(), null);
            }
            Optional<String> its = chain.cameraFor(path).map(PinholeCamera::entityPath);
            if (!its.equals(Optional.of(pinhole))) {
                return new Pairing(Status.HINT_UNDER_ANOTHER_PINHOLE, path, colour.get(), List.of(), its.orElse(null));
            }
            return new Pairing(Status.PAIRED, path, colour.get(), List.of(), null);
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
            Optional<Latest<Image>> colour = images.at(candidate);
            if (colour.isPresent()) {
                return new Pairing(Status.PAIRED, candidate, colour.get(), candidates, null);
            }
        }
        return new Pairing(Status.NONE, null, null, candidates, null);
    }

    private static String parent(String entity) {
        return EntityPath.parse(entity).parent().map(EntityPath::toString).orElse("/");
    }
}
