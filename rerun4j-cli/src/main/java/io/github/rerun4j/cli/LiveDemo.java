package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.sink.Sink;
import io.github.rerun4j.sdk.types.Colormap;

/**
 * {@code rerun4j demo --live}: what a logging program looks like from the viewer. A camera looks at a wall
 * 4 m away with a ball swinging in front of it; each frame (10 per second, on timeline {@code frame}) is a
 * 160x120 u16 depth image in millimetres under a pinhole, so both the 2D and the 3D view move.
 */
final class LiveDemo {

    static final String APPLICATION_ID = "rerun4j_live_demo";
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final float FOCAL = 140f;
    /** Stops by itself after this many frames (5 minutes), so a forgotten demo does not fill the memory. */
    static final int MAX_FRAMES = 3000;

    private final RecordingStream rec;
    private final Thread thread;
    private volatile boolean running = true;

    private LiveDemo(Sink sink) {
        this.rec = RecordingStream.builder(APPLICATION_ID).sink(sink);
        this.thread = new Thread(this::run, "rerun4j-live-demo");
        thread.setDaemon(true);
    }

    static LiveDemo start(Sink sink) {
        LiveDemo demo = new LiveDemo(sink);
        demo.thread.start();
        return demo;
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(FOCAL, WIDTH, HEIGHT));
            for (int frame = 0; frame < MAX_FRAMES && running; frame++) {
                rec.setTimeSequence("frame", frame);
                rec.log("world/camera/depth", DepthImage.fromU16(depthFrame(frame), WIDTH, HEIGHT)
                        .withMeter(1000).withColormap(Colormap.VIRIDIS));
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            // stopped
        } finally {
            try {
                rec.close();
            } catch (RuntimeException closedSink) {
                // the viewer went first; nothing is lost that anyone could still see
            }
        }
    }

    /** Millimetres: a wall at 4 m, a ball of radius 0.5 m at 2 m swinging sideways. */
    static short[] depthFrame(int frame) {
        short[] depth = new short[WIDTH * HEIGHT];
        double ballX = 0.9 * Math.sin(frame * 0.15);
        double ballY = 0.25 * Math.cos(frame * 0.3);
        double ballZ = 2.0;
        double radius = 0.5;
        for (int v = 0; v < HEIGHT; v++) {
            for (int u = 0; u < WIDTH; u++) {
                // The ray through the pixel, z = 1.
                double dx = (u + 0.5 - WIDTH / 2.0) / FOCAL;
                double dy = (v + 0.5 - HEIGHT / 2.0) / FOCAL;
                double z = 4.0;
                // Ray-sphere: |t d - c|^2 = r^2, d = (dx, dy, 1).
                double a = dx * dx + dy * dy + 1;
                double b = -2 * (dx * ballX + dy * ballY + ballZ);
                double c = ballX * ballX + ballY * ballY + ballZ * ballZ - radius * radius;
                double disc = b * b - 4 * a * c;
                if (disc >= 0) {
                    z = Math.min(z, (-b - Math.sqrt(disc)) / (2 * a));
                }
                depth[v * WIDTH + u] = (short) Math.round(z * 1000);
            }
        }
        return depth;
    }
}
