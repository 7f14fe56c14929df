package io.github.rerun4j.render.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Encoded depth drawn by the DepthImage code with 0.33's own fallbacks (next-archetypes §2.2, §5.6). */
class EncodedDepthTest {

    /** The worked 4x3 example in millimetres. */
    static final short[] MM = {0, 1000, 1000, 2000, 1500, 0, 0, 1500, 500, 999, 1001, 0};

    private static String hex(int[] px, int i) {
        return Argb.toHex(px[i]);
    }

    @Test
    void rvlWithoutRangeIsColouredOver0To65535AsIn033() {
        DepthImage shown = EncodedDepth.asDepthImage(EncodedDepthImage.rvl(MM, 4, 3));
        assertThat(shown.meter()).isEqualTo(1000f);
        int[] px = DepthImageRenderer2D.render(shown);
        assertThat(hex(px, 8)).as("500").isEqualTo("#2B1C33");
        assertThat(hex(px, 1)).as("1000").isEqualTo("#322049");
        assertThat(hex(px, 4)).as("1500").isEqualTo("#38255D");
        assertThat(hex(px, 3)).as("2000").isEqualTo("#3D2970");
    }

    @Test
    void theDepthImageItWasMadeFromGivesTheSamePixelsHoverAndPoints() {
        DepthImage depth = DepthImage.fromU16(MM, 4, 3).withMeter(1000);
        DepthImage shown = EncodedDepth.asDepthImage(EncodedDepthImage.rvl(depth));
        int[] plain = DepthImageRenderer2D.render(depth);
        int[] encoded = DepthImageRenderer2D.render(shown);
        assertThat(encoded).containsExactly(plain);
        assertThat(hex(plain, 8)).isEqualTo("#26BDE1");
        assertThat(hex(plain, 3)).isEqualTo("#900D00");
        // Hover: same position and depth; Val is the f32 read back from the RVL texture
        assertThat(HoverText.forPixel(shown, 3, 0).lines()).containsExactly("Position: 3, 0", "Depth: 2.000 m",
                "Val: " + HoverText.forPixel(DepthImage.fromF32(new float[] {2000f}, 1, 1), 0, 0).value());
        assertThat(HoverText.forPixel(shown, 3, 0).depth()).isEqualTo(HoverText.forPixel(depth, 3, 0).depth());
        // PNG decodes to u16: hover identical to the DepthImage
        DepthImage png = EncodedDepth.asDepthImage(EncodedDepthImage.png(depth));
        assertThat(HoverText.forPixel(png, 3, 0)).isEqualTo(HoverText.forPixel(depth, 3, 0));
    }

    @Test
    void twoDFilterIsNearestMagnifiedAndBilinearMinifiedWhateverWasLogged() {
        DepthImage shown = EncodedDepth.asDepthImage(EncodedDepthImage.rvl(MM, 4, 3)
                .withMagnificationFilter(MagnificationFilter.BICUBIC));
        assertThat(EncodedDepth.overrides2D(RenderOverrides.NONE, shown, 40).filter()).isEqualTo(MagnificationFilter.NEAREST);
        assertThat(EncodedDepth.overrides2D(RenderOverrides.NONE, shown, 2).filter()).isEqualTo(MagnificationFilter.LINEAR);
        int[] minified = DepthImageRenderer2D.render(shown, 2, 1, EncodedDepth.overrides2D(RenderOverrides.NONE, shown, 2));
        int[] nearest = DepthImageRenderer2D.render(shown, 2, 1, RenderOverrides.NONE);
        assertThat(Arrays.equals(minified, nearest)).as("minification filters").isFalse();
    }

    @Test
    void eightBitPngDefaultsTo0To255() {
        byte[] png8;
        try {
            var img = new java.awt.image.BufferedImage(2, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setSample(1, 0, 0, 200);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            png8 = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        DepthImage shown = EncodedDepth.asDepthImage(new EncodedDepthImage(ImageBuffer.of(png8), "image/png"));
        assertThat(shown.depthRange().max()).isEqualTo(255.0);
    }

    @Test
    void aDamagedBlobIsAClearError() {
        byte[] blob = EncodedDepthImage.rvl(MM, 4, 3).blob().toByteArray();
        EncodedDepthImage cut = new EncodedDepthImage(ImageBuffer.of(Arrays.copyOf(blob, 28)), "application/rvl");
        assertThatThrownBy(() -> EncodedDepth.asDepthImage(cut)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("RVL blob: got a stream that ends at byte 28");
    }
}
