package io.github.rerun4j.viewer.view3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures behind "back-projection on the GPU, or positions from the server?" for a 640x480 depth image:
 * GPU time per frame with and without the cloud (mean of 20 renders, each waited for), the Java reference's CPU time, and what shipping positions
 * would cost the browser (28 B per point). Prints them; asserts only correctness, never a time.
 *
 * <p>A measurement, not a test: excluded from {@code mvn verify}; run it with
 * {@code mvn -pl rerun4j-viewer -am test -Pmeasure -Dtest=BackProjectionCostTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("measurement")
class BackProjectionCostTest {

    static final int W = 640;
    static final int H = 480;
    static final int BYTES_PER_SERVER_POINT = 28; // xyz, radius, z, pixel index, t: what BackProjection yields

    @TempDir
    Path dir;

    @Test
    void measuresGpuBackProjectionAgainstServerPositions() throws Exception {
        short[] depth = new short[W * H];
        Random random = new Random(7);
        for (int i = 0; i < depth.length; i++) {
            depth[i] = (short) (500 + random.nextInt(6000)); // 0.5 .. 6.5 m, all valid
        }
        Pinhole pinhole = Pinhole.fromFocalLengthAndResolution(525, W, H);
        DepthImage image = DepthImage.fromU16(depth, W, H).withMeter(1000);
        Path file = dir.resolve("vga.rrd");
        try (RecordingStream rec = RecordingStream.builder("vga").saveTo(file)) {
            rec.log("cam", pinhole);
            rec.log("cam/depth", image);
        }

        double cpuMillis = medianMillis(() -> BackProjection.project(image, pinhole, Affine3.IDENTITY), 30, 100);
        PointCloud cloud = BackProjection.project(image, pinhole, Affine3.IDENTITY);
        assertThat(cloud.count()).isEqualTo(W * H);

        try (View3dPage page = View3dPage.open(file)) {
            assertThat(page.gpuPointCount()).isEqualTo(W * H);
            String view = View3dPage.VIEW;
            page.js(view + ".timeRenders(3, true)"); // warm-up: shaders compiled, texture resident
            double withCloud = ((Number) page.js("return " + view + ".timeRenders(20, true)")).doubleValue();
            double without = ((Number) page.js("return " + view + ".timeRenders(20, false)")).doubleValue();
            View3dPage.Pixels canvas = page.readPixels();
            // Positions from the server: the browser uploads 28 B per point whenever the data changes, then
            // draws points from a buffer (1 px each here, as the cloud's points mostly are on this canvas).
            Map<String, Object> serverPath = page.browser().jsMap("""
                    const [bytes, points, width, height] = arguments;
                    const canvas = document.createElement('canvas');
                    canvas.width = width; canvas.height = height;
                    const gl = canvas.getContext('webgl2');
                    const compile = (type, source) => {
                      const shader = gl.createShader(type); gl.shaderSource(shader, source); gl.compileShader(shader);
                      return shader;
                    };
                    const program = gl.createProgram();
                    gl.attachShader(program, compile(gl.VERTEX_SHADER, `#version 300 es
                      in vec3 position; in vec4 extra;
                      void main() { gl_Position = vec4(position.xy, 0.5 + 0.0 * extra.x, 1.0); gl_PointSize = 1.0; }`));
                    gl.attachShader(program, compile(gl.FRAGMENT_SHADER, `#version 300 es
                      precision highp float; out vec4 color; void main() { color = vec4(1.0); }`));
                    gl.linkProgram(program);
                    gl.useProgram(program);
                    const data = new Float32Array(bytes / 4);
                    for (let i = 0; i < points; i++) { data[7 * i] = Math.random() * 2 - 1; data[7 * i + 1] = Math.random() * 2 - 1; }
                    const buffer = gl.createBuffer();
                    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
                    gl.bufferData(gl.ARRAY_BUFFER, data, gl.DYNAMIC_DRAW);
                    gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0, 3, gl.FLOAT, false, 28, 0);
                    gl.enableVertexAttribArray(1); gl.vertexAttribPointer(1, 4, gl.FLOAT, false, 28, 12);
                    gl.bindAttribLocation(program, 0, 'position');
                    const one = new Uint8Array(4);
                    let start = performance.now();
                    for (let i = 0; i < 20; i++) {
                      gl.bufferSubData(gl.ARRAY_BUFFER, 0, data);
                      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
                    }
                    const upload = (performance.now() - start) / 20;
                    gl.viewport(0, 0, width, height);
                    gl.drawArrays(gl.POINTS, 0, points);
                    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
                    start = performance.now();
                    for (let i = 0; i < 5; i++) {
                      gl.clear(gl.COLOR_BUFFER_BIT);
                      gl.drawArrays(gl.POINTS, 0, points);
                      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
                    }
                    const draw = (performance.now() - start) / 5;
                    gl.getExtension('WEBGL_lose_context')?.loseContext();
                    return { upload, draw };
                    """, W * H * BYTES_PER_SERVER_POINT, W * H, canvas.width(), canvas.height());
            double uploadMillis = ((Number) serverPath.get("upload")).doubleValue();
            double drawMillis = ((Number) serverPath.get("draw")).doubleValue();
            // Loopback transfer rate, from the raw depth image the GPU path downloads (2 B per pixel).
            double fetchMillis = ((Number) page.browser().jsAsync("""
                    const done = arguments[arguments.length - 1];
                    const url = window.rerun4j.state.scene.depthImages[0].imageUrl;
                    (async () => {
                      await (await fetch(url)).arrayBuffer();
                      const start = performance.now();
                      for (let i = 0; i < 10; i++) await (await fetch(url + '&n=' + i)).arrayBuffer();
                      done((performance.now() - start) / 10);
                    })();
                    """)).doubleValue();
            double rawMegabytes = W * H * 2 / 1e6;
            double serverMegabytes = W * H * (double) BYTES_PER_SERVER_POINT / 1e6;
            System.out.printf("back-projection 640x480 (SwiftShader, canvas %dx%d):%n", canvas.width(), canvas.height());
            System.out.printf("  GPU frame with cloud %.2f ms, without %.2f ms -> cloud %.2f ms/frame%n",
                    withCloud, without, withCloud - without);
            System.out.printf("  Java BackProjection.project %.2f ms (median)%n", cpuMillis);
            System.out.printf("  raw depth download %.2f MB in %.2f ms; server positions would be %.2f MB"
                    + " (~%.1f ms at that rate) + %.2f ms buffer upload%n",
                    rawMegabytes, fetchMillis, serverMegabytes, fetchMillis * serverMegabytes / rawMegabytes, uploadMillis);
            System.out.printf("  drawing the same number of 1 px points from a buffer: %.2f ms/frame%n", drawMillis);
            assertThat(page.browser().consoleErrors()).isEmpty();
        }
    }

    private static double medianMillis(Runnable work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
