package io.github.rerun4j.benchmarks;

import io.github.rerun4j.sdk.encoding.GreyPng;
import io.github.rerun4j.sdk.encoding.Rvl;
import io.github.rerun4j.sdk.encoding.RvlImage;
import java.util.concurrent.TimeUnit;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Depth compression of one 640x480 u16 frame ({@link DepthFrames}: a noisy plane with holes), one operation = one
 * frame, single-threaded: RVL encode/decode ({@code encoding.Rvl}, what {@code EncodedDepthImage.rvl} logs), 16-bit
 * PNG encode/decode ({@code encoding.GreyPng}) and, for comparison, the SDK's own LZ4 (lz4-java, pure-Java mode, as
 * {@code RrdEncoder} uses it) on the frame's little-endian bytes. {@link CompressionReport} turns the times into
 * Mpx/s and MB/s (of raw depth) and adds the sizes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class CompressionBenchmark {

    @State(Scope.Benchmark)
    public static class Frame {
        short[] depth;
        byte[] raw;
        byte[] rvl;
        byte[] png;
        byte[] lz4;
        byte[] lz4Out;
        byte[] rawOut;
        LZ4Compressor compressor;
        LZ4FastDecompressor decompressor;

        @Setup
        public void setUp() {
            depth = DepthFrames.generate(1, DepthFrames.SEED)[0];
            raw = DepthFrames.toLittleEndian(depth);
            rvl = Rvl.encode(depth, DepthFrames.WIDTH, DepthFrames.HEIGHT);
            png = GreyPng.encode16(depth, DepthFrames.WIDTH, DepthFrames.HEIGHT);
            LZ4Factory factory = LZ4Factory.safeInstance();
            compressor = factory.fastCompressor();
            decompressor = factory.fastDecompressor();
            lz4Out = new byte[compressor.maxCompressedLength(raw.length)];
            int n = compressor.compress(raw, 0, raw.length, lz4Out, 0, lz4Out.length);
            lz4 = java.util.Arrays.copyOf(lz4Out, n);
            rawOut = new byte[raw.length];
        }
    }

    @Benchmark
    public byte[] rvlEncode(Frame f) {
        return Rvl.encode(f.depth, DepthFrames.WIDTH, DepthFrames.HEIGHT);
    }

    @Benchmark
    public RvlImage rvlDecode(Frame f) {
        return Rvl.decode(f.rvl);
    }

    @Benchmark
    public byte[] pngEncode(Frame f) {
        return GreyPng.encode16(f.depth, DepthFrames.WIDTH, DepthFrames.HEIGHT);
    }

    @Benchmark
    public GreyPng.Image pngDecode(Frame f) {
        return GreyPng.decode(f.png);
    }

    @Benchmark
    public int lz4Compress(Frame f) {
        return f.compressor.compress(f.raw, 0, f.raw.length, f.lz4Out, 0, f.lz4Out.length);
    }

    @Benchmark
    public int lz4Decompress(Frame f) {
        return f.decompressor.decompress(f.lz4, 0, f.rawOut, 0, f.rawOut.length);
    }
}
