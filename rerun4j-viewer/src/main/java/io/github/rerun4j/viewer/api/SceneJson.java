package io.github.rerun4j.viewer.api;

import java.util.List;

/**
 * What the page draws at one moment, as JSON records: per depth image its logged fields next to the
 * effective values the reference semantics give (so the page never re-implements the fallbacks), and per
 * pinhole its camera in the world. Pixels are not included; the page fetches them from {@code imageUrl}.
 */
public final class SceneJson {

    private SceneJson() {
    }

    /**
     * @param timeline the timeline queried (null: static data only)
     * @param time     the time on it
     */
    public record Scene(String timeline, long time, List<DepthImageJson> depthImages, List<ColorImageJson> colorImages,
                        List<ImageErrorJson> imageErrors, List<PinholeJson> pinholes, BoundsJson bounds, AxesJson axes) {
    }

    /**
     * An image entity that cannot be drawn at this time (a blob that does not decode), so the page can say so
     * on that entity instead of drawing nothing.
     *
     * @param archetype {@code EncodedDepthImage} or {@code EncodedImage}
     * @param error     what is wrong, naming the field and value (render's or the decoder's message)
     */
    public record ImageErrorJson(String entity, String archetype, String rowId, String error) {
    }

    /**
     * A colour image ({@code Image}, or {@code EncodedImage} decoded on the server) at the queried time.
     *
     * @param encoding       the media type of an {@code EncodedImage}, null for an {@code Image}
     * @param opacity        as logged, or null: the 2D view's fallback depends on what else it draws (0.5 over
     *                       a DepthImage, else 1), which the page knows
     * @param effectiveDrawOrder the logged draw order, else -10 (above depth images, -20)
     * @param effectiveMagnificationFilter as logged for an {@code Image} (default Nearest); always Nearest for an
     *                       {@code EncodedImage}, whose logged filter Rerun ignores
     * @param imageUrl       RGBA8 texels, {@code width * height * 4} bytes (the {@code /color} route)
     * @param imagePlane     in 3D, the image's corners on its pinhole's image plane, world xyz of pixel corners
     *                       (0,0), (0,H), (W,H), (W,0) flattened; null without a pinhole (then not in 3D)
     */
    public record ColorImageJson(String entity, String rowId, Long rowTime, int width, int height, String format,
                                 String encoding, Float opacity, Float drawOrder, float effectiveDrawOrder,
                                 String magnificationFilter, String effectiveMagnificationFilter, String imageUrl,
                                 float[] imagePlane) {
    }

    /**
     * The 3D scene's axes: a ViewCoordinates logged at the root ({@code /}), else Rerun's default RFU (Z up).
     * The default eye and the grid follow {@code up}.
     */
    public record AxesJson(String viewCoordinates, boolean logged, double[] right, double[] forward, double[] up) {
    }

    /**
     * One depth image at the queried time. Logged fields are null when not logged; {@code effective*}
     * fields are what the viewer uses.
     *
     * @param rowId    the row the pixels come from: the page re-downloads pixels only when it changes
     * @param encoding the media type of an {@code EncodedDepthImage} (decoded on the server, then drawn as this
     *                 depth image with 2D filtering Nearest magnified, bilinear minified), null for a DepthImage
     * @param imageUrl raw little-endian pixels, {@code width * height * bytesPerPixel} bytes
     * @param camera   the pinhole camera it is seen through in 3D, or null (then there is no 3D cloud)
     */
    public record DepthImageJson(String entity, String rowId, Long rowTime, int width, int height, String datatype,
                                 int bytesPerPixel, String format, String encoding,
                                 Float meter, String colormap, double[] depthRange, Float pointFillRatio,
                                 Float drawOrder, String magnificationFilter,
                                 float effectiveMeter, String effectiveColormap, float[] effectiveRange,
                                 float effectivePointFillRatio, float effectiveDrawOrder,
                                 String effectiveMagnificationFilter,
                                 String imageUrl, CameraJson camera, DepthImageText text, RgbSourceJson rgbSource) {
    }

    /**
     * The colour image that would colour this depth image's cloud when the page's RGB cloud toggle is on (a
     * rerun4j extension, off by default; render's {@code RgbCloudSource} and {@code RgbCloud} rules). Present for
     * every depth image with a camera.
     *
     * @param entity   the colour image used, or null when none is
     * @param status   {@code PAIRED}, {@code NONE}, {@code HINT_WITHOUT_IMAGE}, {@code HINT_UNDER_ANOTHER_PINHOLE}
     *                 or {@code UNDECODABLE} (render's RgbCloudSource: the colour source's EncodedImage does not decode)
     * @param fit      {@code SAME_SIZE}, {@code AUTO_FITTED} or {@code TOP_LEFT} when paired, {@code UNREGISTERED}
     *                 for a colour source under another pinhole (imageUrl: the depth-sized map, /rgb-cloud), else null
     * @param imageUrl the colour image's RGBA8 texels (the {@code /color} route), null when not paired
     * @param note     what the selection panel says about the pairing (ambiguity, sizes, why none), or null
     */
    public record RgbSourceJson(String entity, String status, String fit, Integer width, Integer height,
                                String imageUrl, String note) {
    }

    /**
     * A depth image's effective numbers as the selection panel prints them ({@code "10 000"}, with U+2009
     * thin spaces; {@code depthRange} like {@code "[0, 65 535]"}).
     */
    public record DepthImageText(String meter, String depthRange, String pointFillRatio, String drawOrder) {
    }

    /**
     * A depth image's camera: everything the GPU needs to back-project pixel {@code (x, y)} with depth
     * {@code z} (metres) to world {@code worldFromRdf * ((x - cx) z / fx, (y - cy) z / fy, z)}, with point
     * radius {@code pointFillRatio * z * radiusPerDepth}.
     *
     * @param worldFromRdf   4x4, column-major (as WebGL wants it)
     * @param radiusPerDepth {@code res_h / (|fy| * H) * averageScale(worldFromRdf)}
     */
    public record CameraJson(String entity, float fx, float fy, float cx, float cy, float[] worldFromRdf,
                             float radiusPerDepth) {
    }

    /**
     * A pinhole and its frustum lines (pairs of world points, flattened xyz).
     *
     * @param imageFromCamera column-major 3x3 as logged
     * @param resolution      [w, h] or null
     * @param text            the values formatted as the selection panel prints them
     */
    public record PinholeJson(String entity, float[] imageFromCamera, float[] resolution, String cameraXyz,
                              float[] worldFromCamera, float imagePlaneDistance, float[] frustumLines,
                              PinholeText text) {
    }

    /**
     * A pinhole's values as the selection panel prints them.
     *
     * @param imageFromCamera three rows of three cells
     * @param resolution      {@code "300×200"}, or null when not logged
     */
    public record PinholeText(List<List<String>> imageFromCamera, String resolution, String imagePlaneDistance) {
    }

    /**
     * The box that frames the 3D camera: each cloud's robust box (1st to 99th percentile per axis, so a few far
     * outliers do not shrink the scene), every camera origin and frustum (semantics §5.5). The frustums' image
     * plane distance comes from Rerun 0.36's own scene box instead, so their size matches Rerun's.
     */
    public record BoundsJson(double[] min, double[] max) {
    }
}
