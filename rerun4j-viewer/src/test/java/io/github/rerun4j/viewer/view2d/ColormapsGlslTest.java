package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.colormap.Colormaps;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * colormaps.js evaluated by the browser's WebGL2 (SwiftShader) equals the Java reference {@link Colormaps}
 * within 1 per channel, for all eleven colormaps at the 256 values t = i / 255 and at out-of-range t.
 */
class ColormapsGlslTest {

    /** Renders one row per colormap id (1..11) of 258 pixels: t = i/255 for i in 0..255, then t = -1 and 2. */
    private static final String RENDER_ALL_COLORMAPS = """
            const done = arguments[arguments.length - 1];
            import('/colormaps.js').then(({ COLORMAP_GLSL, COLORMAP_IDS }) => {
              const W = 258, H = 11;
              const gl = document.createElement('canvas').getContext('webgl2');
              const compile = (type, src) => {
                const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s);
                if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s));
                return s;
              };
              const program = gl.createProgram();
              gl.attachShader(program, compile(gl.VERTEX_SHADER, `#version 300 es
                void main() { vec2 p = vec2(gl_VertexID & 1, gl_VertexID >> 1) * 4.0 - 1.0; gl_Position = vec4(p, 0, 1); }`));
              gl.attachShader(program, compile(gl.FRAGMENT_SHADER, `#version 300 es
                precision highp float; precision highp int;
                ${COLORMAP_GLSL}
                out vec4 color;
                void main() {
                  int x = int(gl_FragCoord.x), id = int(gl_FragCoord.y) + 1;
                  float t = x < 256 ? float(x) / 255.0 : (x == 256 ? -1.0 : 2.0);
                  color = colormapSrgb(id, t);
                }`));
              gl.linkProgram(program);
              if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program));
              const texture = gl.createTexture();
              gl.bindTexture(gl.TEXTURE_2D, texture);
              gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, W, H);
              const fb = gl.createFramebuffer();
              gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
              gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
              gl.viewport(0, 0, W, H);
              gl.useProgram(program);
              gl.drawArrays(gl.TRIANGLES, 0, 3);
              const bytes = new Uint8Array(W * H * 4);
              gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, bytes);
              done({ ids: COLORMAP_IDS, pixels: Array.from(bytes) });
            }).catch((e) => done({ error: String(e) }));
            """;

    @Test
    void everyColormapMatchesTheJavaReferenceWithinOnePerChannel() throws Exception {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            browser.get(viewer.url().toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) browser.jsAsync(RENDER_ALL_COLORMAPS);
            assertThat(result.get("error")).isNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> ids = (Map<String, Object>) result.get("ids");
            @SuppressWarnings("unchecked")
            List<Number> pixels = (List<Number>) result.get("pixels");

            List<String> mismatches = new ArrayList<>();
            int maxDeviation = 0;
            int offByOne = 0;
            for (Colormap colormap : Colormap.values()) {
                assertThat(((Number) ids.get(colormap.displayName())).intValue())
                        .as("id of %s", colormap.displayName()).isEqualTo(colormap.code());
                int row = colormap.code() - 1;
                for (int x = 0; x < 258; x++) {
                    float t = x < 256 ? (float) x / 255f : (x == 256 ? -1f : 2f);
                    int expected = Colormaps.argb(colormap, t);
                    int base = (row * 258 + x) * 4;
                    int[] got = {pixels.get(base).intValue(), pixels.get(base + 1).intValue(),
                            pixels.get(base + 2).intValue(), pixels.get(base + 3).intValue()};
                    int[] want = {Argb.red(expected), Argb.green(expected), Argb.blue(expected), Argb.alpha(expected)};
                    for (int c = 0; c < 4; c++) {
                        int deviation = Math.abs(got[c] - want[c]);
                        maxDeviation = Math.max(maxDeviation, deviation);
                        offByOne += deviation == 1 ? 1 : 0;
                        if (deviation > 1) {
                            mismatches.add(colormap + " t=" + t + " channel " + c + ": " + got[c] + " vs " + want[c]);
                        }
                    }
                }
            }
            System.out.println("colormaps.js vs Colormaps.argb: max deviation " + maxDeviation + ", " + offByOne
                    + " channels off by one, over 11 x 258 x 4 channels");
            assertThat(mismatches).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
