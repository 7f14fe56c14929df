package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.viewer.api.SceneJson.DepthImageText;
import io.github.rerun4j.viewer.api.SceneJson.PinholeText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentTextTest {

    private static final DepthImage IMAGE = DepthImage.fromU16(new short[] {0, (short) 65535}, 2, 1);

    @Test
    void effectiveNumbersUseTheViewersFormat() {
        DepthImageText text = ComponentText.depthImage(IMAGE.withMeter(10_000), 10_000f, -20f, 1f,
                DepthRange.automatic(IMAGE));

        assertThat(text).isEqualTo(new DepthImageText("10\u2009000", "[0, 65\u2009535]", "1", "\u221220"));
    }

    @Test
    void aLoggedRangeKeepsItsF64Precision() {
        DepthImage image = IMAGE.withDepthRange(0.1, 12_345.678_9);

        DepthImageText text = ComponentText.depthImage(image, 1000f, -20f, 0.25f, DepthRange.effectiveRange(image));

        assertThat(text.depthRange()).isEqualTo("[0.1, 12\u2009345.6789]");
        assertThat(text.pointFillRatio()).isEqualTo("0.25");
    }

    @Test
    void aPinholeShowsItsMatrixByRows() {
        PinholeText text = ComponentText.pinhole(Pinhole.fromFocalLengthAndResolution(200, 300, 200), 0.3);

        assertThat(text.imageFromCamera()).isEqualTo(List.of(List.of("200", "0", "150"), List.of("0", "200", "100"),
                List.of("0", "0", "1")));
        assertThat(text.resolution()).isEqualTo("300×200");
        assertThat(text.imagePlaneDistance()).isEqualTo("0.3");
    }
}
