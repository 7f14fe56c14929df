package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.Frustum;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.Latest;
import io.github.rerun4j.viewer.api.SceneJson.ColorImageJson;
import java.util.List;
import java.util.Optional;

/**
 * A colour image of the scene ({@code Image}, else {@code EncodedImage}, decoded for its size) as the page draws it:
 * logged and effective fields, its texels' URL and, under a pinhole, its corners on the image plane.
 */
final class ColourImageJsons {

    private ColourImageJsons() {
    }

    /**
     * @throws DecodedImages.DecodeFailure if an EncodedImage there does not decode
     */
    static Optional<ColorImageJson> of(SceneQuery q, String entity, TransformChain chain, Bounds sceneBounds, String apiBase) {
        Optional<Latest<Image>> image = ArchetypeQueries.imageAt(q.store(), entity, q.timeline(), q.time());
        Optional<Latest<EncodedImage>> encoded = image.isPresent() ? Optional.empty() : q.encodedImage(entity);
        if (image.isEmpty() && encoded.isEmpty()) {
            return Optional.empty();
        }
        Latest<?> row = image.isPresent() ? image.get() : encoded.get();
        int width;
        int height;
        String format;
        Float opacity;
        Float drawOrder;
        String filter;
        String effectiveFilter;
        String encoding = null;
        if (image.isPresent()) {
            Image i = image.get().value();
            width = i.width();
            height = i.height();
            format = (i.format().pixelFormat() != null ? i.format().pixelFormat().name()
                    : i.format().effectiveColorModel().name() + " " + i.format().effectiveChannelDatatype().name())
                    + " " + width + "\u00d7" + height;
            opacity = i.opacity();
            drawOrder = i.drawOrder();
            filter = i.magnificationFilter() == null ? null : i.magnificationFilter().displayName();
            effectiveFilter = filter == null ? "Nearest" : filter;
        } else {
            EncodedImage e = encoded.get().value();
            // Decoded here already: the page asks for the texels next, and the size comes from the file.
            DecodedImages.Texels texels = q.encodedColour(entity, encoded.get());
            width = texels.width();
            height = texels.height();
            encoding = e.effectiveMediaType();
            format = encoding + " " + width + "\u00d7" + height;
            opacity = e.opacity();
            drawOrder = e.drawOrder();
            filter = e.magnificationFilter() == null ? null : e.magnificationFilter().displayName();
            effectiveFilter = "Nearest"; // 0.33 ignores the logged filter of encoded images
        }
        String rowId = row.row().rowId().toString();
        float[] plane = null;
        Optional<PinholeCamera> camera = chain.cameraFor(entity);
        if (camera.isPresent()) {
            // Rerun draws it in the pinhole's pixel space on the image plane: the frustum's far rectangle when the
            // image has the pinhole's resolution, larger or smaller otherwise (nothing rescales it).
            Pinhole sized = camera.get().pinhole().withResolution(width, height);
            double distance = Frustum.imagePlaneDistance(camera.get().pinhole(), sceneBounds);
            List<Vec3> corners = Frustum.corners(sized, camera.get().worldFromCamera(), distance);
            plane = new float[12];
            for (int i = 0; i < 4; i++) {
                plane[3 * i] = (float) corners.get(i).x();
                plane[3 * i + 1] = (float) corners.get(i).y();
                plane[3 * i + 2] = (float) corners.get(i).z();
            }
        }
        return Optional.of(new ColorImageJson(entity, rowId, row.time().isPresent() ? row.time().getAsLong() : null,
                width, height, format, encoding, opacity, drawOrder,
                drawOrder == null ? SceneQuery.COLOR_IMAGE_DRAW_ORDER : drawOrder, filter, effectiveFilter,
                q.url(apiBase, "/color", entity, rowId), plane));
    }

}
