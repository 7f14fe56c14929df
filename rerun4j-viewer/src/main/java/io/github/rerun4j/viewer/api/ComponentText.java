package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.ViewerNumberFormat;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.ValueRange;
import io.github.rerun4j.viewer.api.SceneJson.DepthImageText;
import io.github.rerun4j.viewer.api.SceneJson.PinholeText;
import java.util.ArrayList;
import java.util.List;

/**
 * Component values as the selection panel prints them, formatted here so the page shows exactly the
 * viewer's number format (thin-space grouping, U+2212 minus; {@link ViewerNumberFormat}) without
 * re-implementing it: f32 values with 7 significant digits, f64 ones with 15.
 *
 * <pre>{@code
 * ComponentText.depthImage(image, 10000f, -20f, 1f, range).meter();   // "10 000"
 * }</pre>
 */
public final class ComponentText {

    private static final int F32_DIGITS = 7;
    private static final int F64_DIGITS = 15;

    private ComponentText() {
    }

    /** The effective numeric fields of a depth image; a logged range keeps its f64 precision. */
    public static DepthImageText depthImage(DepthImage image, float meter, float drawOrder, float fillRatio,
                                            DepthRange effectiveRange) {
        ValueRange logged = image.depthRange();
        String range = logged != null
                ? pair(f64(logged.min()), f64(logged.max()))
                : pair(f32(effectiveRange.min()), f32(effectiveRange.max()));
        return new DepthImageText(f32(meter), range, f32(fillRatio), f32(drawOrder));
    }

    /** A pinhole's matrix (rows of cells), resolution and the frustum's image plane distance. */
    public static PinholeText pinhole(Pinhole pinhole, double imagePlaneDistance) {
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            List<String> cells = new ArrayList<>();
            for (int col = 0; col < 3; col++) {
                cells.add(f32(pinhole.imageFromCamera().get(row, col)));
            }
            rows.add(cells);
        }
        String resolution = pinhole.resolution() == null ? null
                : f32(pinhole.resolution().width()) + "\u00d7" + f32(pinhole.resolution().height());
        return new PinholeText(rows, resolution, f32((float) imagePlaneDistance));
    }

    private static String pair(String min, String max) {
        return "[" + min + ", " + max + "]";
    }

    private static String f32(float value) {
        return ViewerNumberFormat.floatValue(value, F32_DIGITS);
    }

    private static String f64(double value) {
        return ViewerNumberFormat.floatValue(value, F64_DIGITS);
    }
}
