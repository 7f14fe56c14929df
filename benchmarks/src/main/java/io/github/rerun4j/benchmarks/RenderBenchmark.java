package io.github.rerun4j.benchmarks;

import io.github.rerun4j.render.colormap.ColormapLut;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.scene.DepthCloud;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.render.projection.PointBuffers;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.Colormap;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The render hot paths on one depth-like u16 frame ({@link DepthFrames}, frame 0 of the given size), one
 * operation = one frame, single-threaded on the rerun4j side:
 *
 * <ul>
 *   <li>{@link #colormapRerun4j}: {@code ColormapLut.colorize} (TURBO over [0, 65535]) u16 -> ARGB int[];</li>
 *   <li>{@link #colormapOpenCv}: what an OpenCV Java user does for the same picture: {@code Mat 16UC1}
 *       {@code convertTo(8UC1, 255/65535)} then {@code Imgproc.applyColorMap(COLORMAP_TURBO)} -> 8UC3 BGR.
 *       The input is already in the Mat (the {@code put} from a {@code short[]} is not timed) and the output
 *       stays native (no {@code get}), so this favours OpenCV. OpenCV runs with its default thread count
 *       ({@link #OPENCV_THREADS} overrides, e.g. {@code -jvmArgsAppend -Dbench.opencvThreads=1});</li>
 *   <li>{@link #backProjection}: {@code BackProjection.projectRdfInto} (identity world transform, meter 1000,
 *       range [0, 65535]) into reused {@link PointBuffers} (xyz, radius, depth, pixel index, t per valid
 *       pixel), the way a frame stream is projected; {@link #backProjectionAllocating}: the same through
 *       {@code BackProjection.project}, which allocates an exact-size {@link PointCloud} per frame;</li>
 *   <li>{@link #depthCloud}: what {@code rerun4j points} computes ({@code DepthCloud.of}: the cloud with its
 *       colormap colours); {@link #depthCloudRgb}: {@code points --rgb-clouds}, the same coloured from a registered
 *       RGB8 image of the same size ({@code RgbCloud.registered}); the report checks the ratio (issue 11);</li>
 *   <li>{@link #copyColormapBytes} / {@link #copyBackProjectionBytes}: the memory-bandwidth bound:
 *       {@code System.arraycopy} of as many bytes as the operation reads plus writes (colormap: 2 + 4 bytes a
 *       pixel; back-projection: 2 bytes a pixel + 28 bytes a point).</li>
 * </ul>
 *
 * {@link PeerInputs} writes the same frame (and the TURBO table and camera) for the numpy peer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class RenderBenchmark {

    /** {@code -Dbench.opencvThreads=N} sets OpenCV's thread count; default: OpenCV's own default. */
    public static final String OPENCV_THREADS = "bench.opencvThreads";

    /** Meter of the benchmark frames (millimetres). */
    public static final float METER = 1000f;

    /** Focal length in pixels for a frame {@code width} wide (about a 70 degree horizontal field of view). */
    public static float focal(int width) {
        return 0.72f * width;
    }

    /** Bytes of one back-projected point in a {@link PointCloud}: xyz (12) + radius, depth, index, t (16). */
    public static final int POINT_BYTES = 28;

    @State(Scope.Benchmark)
    public static class Frame {
        @Param({"640x480", "1280x720"})
        public String size;

        int width;
        int height;
        int n;
        short[] raw;
        int[] argb;
        ColormapLut lut;
        DepthImage depth;
        Pinhole pinhole;
        int points;
        PointBuffers buffers;
        byte[] colormapSrc;
        byte[] colormapDst;
        byte[] projectionSrc;
        byte[] projectionDst;
        PinholeCamera camera;
        Image colour;

        @Setup(Level.Trial)
        public void setUp() {
            int[] wh = parseSize(size);
            width = wh[0];
            height = wh[1];
            n = width * height;
            raw = frame(width, height);
            argb = new int[n];
            lut = ColormapLut.u16(Colormap.TURBO, 0f, 65535f);
            depth = DepthImage.fromU16(raw, width, height).withMeter(METER);
            pinhole = Pinhole.fromFocalLengthAndResolution(focal(width), width, height);
            points = BackProjection.project(depth, pinhole, Affine3.identity(), 0f, 65535f).count();
            buffers = PointBuffers.forPixels(n);
            colormapSrc = new byte[n * (Short.BYTES + Integer.BYTES)];
            colormapDst = new byte[colormapSrc.length];
            projectionSrc = new byte[n * Short.BYTES + points * POINT_BYTES];
            projectionDst = new byte[projectionSrc.length];
            camera = new PinholeCamera("/camera", pinhole, ViewCoordinates.RDF, Affine3.IDENTITY);
            byte[] rgb = new byte[n * 3];
            new java.util.Random(DepthFrames.SEED).nextBytes(rgb);
            colour = Image.fromRgb8(rgb, width, height);
        }
    }

    @State(Scope.Benchmark)
    public static class OpenCvFrame {
        Mat src16;
        Mat tmp8;
        Mat bgr;

        @Setup(Level.Trial)
        public void setUp(Frame f) {
            OpenCv.load();
            String threads = System.getProperty(OPENCV_THREADS);
            if (threads != null) {
                Core.setNumThreads(Integer.parseInt(threads));
            }
            src16 = new Mat(f.height, f.width, CvType.CV_16UC1);
            src16.put(0, 0, f.raw);
            tmp8 = new Mat(f.height, f.width, CvType.CV_8UC1);
            bgr = new Mat(f.height, f.width, CvType.CV_8UC3);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            src16.release();
            tmp8.release();
            bgr.release();
        }
    }

    static int[] parseSize(String size) {
        int x = size.indexOf('x');
        return new int[] {Integer.parseInt(size.substring(0, x)), Integer.parseInt(size.substring(x + 1))};
    }

    /** The benchmark input: frame 0 of {@link DepthFrames#generate(int, int, int, long)} at this size. */
    public static short[] frame(int width, int height) {
        return DepthFrames.generate(width, height, 1, DepthFrames.SEED)[0];
    }

    @Benchmark
    public int[] colormapRerun4j(Frame f) {
        f.lut.colorize(f.raw, f.n, f.argb);
        return f.argb;
    }

    @Benchmark
    public Mat colormapOpenCv(OpenCvFrame cv) {
        cv.src16.convertTo(cv.tmp8, CvType.CV_8UC1, 255.0 / 65535.0);
        Imgproc.applyColorMap(cv.tmp8, cv.bgr, Imgproc.COLORMAP_TURBO);
        return cv.bgr;
    }

    @Benchmark
    public PointBuffers backProjection(Frame f) {
        BackProjection.projectRdfInto(f.depth, f.pinhole, Affine3.IDENTITY, 0f, 65535f, f.buffers);
        return f.buffers;
    }

    @Benchmark
    public PointCloud backProjectionAllocating(Frame f) {
        return BackProjection.project(f.depth, f.pinhole, Affine3.identity(), 0f, 65535f);
    }

    /** What {@code rerun4j points} computes: the back-projected cloud with its colormap colours. */
    @Benchmark
    public DepthCloud depthCloud(Frame f) {
        return DepthCloud.of(f.depth, f.camera, RenderOverrides.NONE);
    }

    /** {@code rerun4j points --rgb-clouds}: the same cloud coloured from a registered RGB8 image of the same size. */
    @Benchmark
    public DepthCloud depthCloudRgb(Frame f) {
        return RgbCloud.registered(DepthCloud.of(f.depth, f.camera, RenderOverrides.NONE), f.colour).cloud();
    }

    @Benchmark
    public byte[] copyColormapBytes(Frame f) {
        System.arraycopy(f.colormapSrc, 0, f.colormapDst, 0, f.colormapSrc.length);
        return f.colormapDst;
    }

    @Benchmark
    public byte[] copyBackProjectionBytes(Frame f) {
        System.arraycopy(f.projectionSrc, 0, f.projectionDst, 0, f.projectionSrc.length);
        return f.projectionDst;
    }
}
