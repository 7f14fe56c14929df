package io.github.rerun4j.viewer.view3d;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import java.util.Arrays;

/** What the RGB cloud browser tests log and ask: a flat depth image, a one-colour image, the colour hover. */
final class RgbCloudScenes {

    static final int W = 64;
    static final int H = 48;
    static final int COLOUR = 0xFA0AC8; // not a Turbo colour, not a guide's

    private RgbCloudScenes() {
    }

    /** W x H pixels, all 1.5 m (u16 millimetres). */
    static DepthImage flatDepth() {
        short[] mm = new short[W * H];
        Arrays.fill(mm, (short) 1500);
        return DepthImage.fromU16(mm, W, H).withMeter(1000);
    }

    /** W x H pixels, all {@link #COLOUR}. */
    static Image oneColour() {
        byte[] rgb = new byte[W * H * 3];
        for (int i = 0; i < W * H; i++) {
            rgb[3 * i] = (byte) (COLOUR >> 16);
            rgb[3 * i + 1] = (byte) (COLOUR >> 8);
            rgb[3 * i + 2] = (byte) COLOUR;
        }
        return Image.fromRgb8(rgb, W, H);
    }

    /** Waits for the 3D view's hover answer with its colour line (the mouse is over a point); the tooltip's text. */
    static String colourTooltip(View3dPage page) {
        page.browser().waitFor("the hover answer with its colour line", () -> Boolean.TRUE.equals(page.js(
                "const h = " + View3dPage.VIEW + ".lastHover; return !!h && !!h.lines && h.lines.some(l => l.startsWith('Colour'))")));
        return (String) page.js("return document.querySelector('[data-view=\"3d\"] .tooltip').textContent");
    }
}
