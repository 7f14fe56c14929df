package io.github.rerun4j.benchmarks;

import io.github.rerun4j.grpc.GrpcConnectSink;
import io.github.rerun4j.grpc.GrpcServeSink;
import io.github.rerun4j.grpc.ProxyProtocol;
import io.github.rerun4j.grpc.ProxyServer;
import io.github.rerun4j.grpc.ProxyServerOptions;
import io.github.rerun4j.grpc.ProxyUrl;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.sink.FileSink;
import io.github.rerun4j.sdk.sink.Sink;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Live throughput of 640x480 u16 frames from {@code log} to a connected reader over loopback, next to the file sink in
 * the same run (issue 13): frames/s and MB/s for the serve sink read over native gRPC (h2c) and over gRPC-web
 * (HTTP/1.1), for the connect sink into a rerun4j proxy, and the file sink; then a frame's log-to-delivery latency at
 * 30 fps (median, p95). Each frame is its own chunk (the live sinks want a short batching interval: 5 ms here).
 * Throughput is the median of {@value #MEASURED} rounds after {@value #WARMUP} warm-up rounds (the first, cold, round
 * is printed too).
 * Writes {@code ARG0} (JSON) and prints a table. Exit 1 when live throughput is under 50% of the file sink's or the
 * median latency is 20 ms or more.
 */
public final class LiveThroughput {

    /** Frames per round: 20 s at 30 fps; closing a stream (flush, trailers, channel) is then a small share of it. */
    static final int FRAMES = 600;
    static final int LATENCY_FRAMES = 90;
    static final int WARMUP = 4;
    static final int MEASURED = 5;
    static final BatcherConfig LIVE = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(5)).withFlushBytes(1);

    private LiveThroughput() {
    }

    record Row(String name, double framesPerSecond, double megabytesPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        short[][] frames = DepthFrames.generate(DepthFrames.DISTINCT, DepthFrames.SEED);
        // Each row runs WARMUP + MEASURED rounds, interleaved so that every path gets the same machine; the first
        // round shows the cold JVM, the median of the measured ones the steady state (the proxy paths run three
        // HTTP/2 stacks' worth of code through the JIT, which takes several rounds on two cores).
        List<List<Row>> rounds = new ArrayList<>();
        for (int round = 0; round < WARMUP + MEASURED; round++) {
            rounds.add(List.of(file(frames), serve(frames, false), serve(frames, true), connect(frames)));
        }
        long[] latency = latency(frames);
        double file = median(rounds, 0);
        boolean ok = latency[0] < 20_000_000L;
        StringBuilder json = new StringBuilder("{\"frames\":" + FRAMES + ",\"warmup_rounds\":" + WARMUP
                + ",\"measured_rounds\":" + MEASURED + ",\"rows\":[");
        System.out.printf(Locale.ROOT, "%-40s %10s %10s %8s %12s%n", "live 640x480 u16 (loopback)", "frames/s", "MB/s",
                "vs file", "cold fps");
        for (int i = 0; i < rounds.get(0).size(); i++) {
            String name = rounds.get(0).get(i).name();
            double fps = median(rounds, i);
            double megabytes = fps * DepthFrames.FRAME_BYTES / 1e6;
            double cold = rounds.get(0).get(i).framesPerSecond();
            double share = fps / file;
            if (i > 0 && share < 0.5) {
                ok = false;
            }
            System.out.printf(Locale.ROOT, "%-40s %10.1f %10.1f %7.0f%% %12.1f%n", name, fps, megabytes, 100 * share, cold);
            json.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"name\":\"%s\",\"frames_per_s\":%.1f,\"mb_per_s\":%.1f,\"vs_file\":%.3f,\"cold_frames_per_s\":%.1f}",
                    name, fps, megabytes, share, cold));
        }
        System.out.printf(Locale.ROOT, "(frames/s: median of %d rounds of %d frames after %d warm-up rounds; cold: the first round)%n",
                MEASURED, FRAMES, WARMUP);
        System.out.printf(Locale.ROOT, "latency log -> native reader at 30 fps: median %.2f ms, p95 %.2f ms (target: median < 20 ms)%n",
                latency[0] / 1e6, latency[1] / 1e6);
        json.append(String.format(Locale.ROOT, "],\"latency_median_ms\":%.3f,\"latency_p95_ms\":%.3f,\"ok\":%b}%n",
                latency[0] / 1e6, latency[1] / 1e6, ok));
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), json);
        }
        System.exit(ok ? 0 : 1);
    }

    /** The median frames/s of row {@code row} over the measured rounds. */
    private static double median(List<List<Row>> rounds, int row) {
        double[] fps = rounds.subList(WARMUP, rounds.size()).stream().mapToDouble(r -> r.get(row).framesPerSecond())
                .sorted().toArray();
        return fps.length % 2 == 1 ? fps[fps.length / 2] : (fps[fps.length / 2 - 1] + fps[fps.length / 2]) / 2;
    }

    private static Row file(short[][] frames) throws Exception {
        Path dir = Files.createTempDirectory("rerun4j-live-bench-");
        Path rrd = dir.resolve("frames.rrd");
        try {
            long start = System.nanoTime();
            try (RecordingStream rec = stream(FileSink.create(rrd))) {
                logAll(rec, frames);
            }
            return row("file sink (uncompressed)", System.nanoTime() - start);
        } finally {
            Files.deleteIfExists(rrd);
            Files.deleteIfExists(dir);
        }
    }

    /** Serve sink, one reader: time from the first log to the last frame read. */
    private static Row serve(short[][] frames, boolean web) throws Exception {
        GrpcServeSink sink = GrpcServeSink.start(ProxyServerOptions.defaults().withPort(0), false);
        int port = sink.proxy().port();
        CountDownLatch done = new CountDownLatch(FRAMES + 1);
        AutoCloseable reader = web ? webReader(port, done) : nativeReader(port, done, t -> { });
        waitForReaders(sink.proxy(), 1);
        long start = System.nanoTime();
        RecordingStream rec = stream(sink);
        logAll(rec, frames);
        rec.flush();
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("reader got " + (FRAMES + 1 - done.getCount()) + " messages");
        }
        long elapsed = System.nanoTime() - start;
        rec.close();
        reader.close();
        return row(web ? "serve sink -> gRPC-web reader (HTTP/1.1)" : "serve sink -> native gRPC reader (h2c)", elapsed);
    }

    /** Connect sink into a rerun4j proxy, read natively. */
    private static Row connect(short[][] frames) throws Exception {
        try (ProxyServer proxy = ProxyServer.start(ProxyServerOptions.defaults().withPort(0))) {
            CountDownLatch done = new CountDownLatch(FRAMES + 1);
            try (AutoCloseable reader = nativeReader(proxy.port(), done, t -> { })) {
                waitForReaders(proxy, 1);
                // As the serve rows start with the reader connected, this one starts with the sink created (it
                // connects at once, as a program's sink would long before its first frame).
                RecordingStream rec = stream(GrpcConnectSink.connect(ProxyUrl.parse(proxy.url()), 64L << 20, Duration.ofSeconds(30), false));
                long start = System.nanoTime();
                logAll(rec, frames);
                rec.close();
                if (!done.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("reader got " + (FRAMES + 1 - done.getCount()) + " messages");
                }
                return row("connect sink -> rerun4j proxy -> native", System.nanoTime() - start);
            }
        }
    }

    /** Median and p95 of log-to-delivery at 30 fps, serve sink to a native reader. */
    private static long[] latency(short[][] frames) throws Exception {
        GrpcServeSink sink = GrpcServeSink.start(ProxyServerOptions.defaults().withPort(0), false);
        long[] logged = new long[LATENCY_FRAMES];
        long[] received = new long[LATENCY_FRAMES + 1];
        int[] next = {0};
        CountDownLatch done = new CountDownLatch(LATENCY_FRAMES + 1);
        try (AutoCloseable reader = nativeReader(sink.proxy().port(), done, t -> received[next[0]++] = t)) {
            waitForReaders(sink.proxy(), 1);
            RecordingStream rec = stream(sink);
            long start = System.nanoTime();
            for (int f = 0; f < LATENCY_FRAMES; f++) {
                long due = start + f * 33_333_333L;
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
                rec.setTimeSequence("frame", f);
                logged[f] = System.nanoTime();
                rec.log("depth", DepthImage.fromU16(frames[f % frames.length], DepthFrames.WIDTH, DepthFrames.HEIGHT).withMeter(1000));
            }
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latency reader stalled");
            }
            rec.close();
        }
        long[] lat = new long[LATENCY_FRAMES];
        for (int f = 0; f < LATENCY_FRAMES; f++) {
            lat[f] = received[f + 1] - logged[f];  // message 0 is the store info
        }
        Arrays.sort(lat);
        return new long[] {lat[LATENCY_FRAMES / 2], lat[(int) (LATENCY_FRAMES * 0.95)]};
    }

    private static RecordingStream stream(Sink sink) {
        return RecordingStream.builder("rerun4j_live_bench").batching(LIVE).defaultTimelines(false).flushOnExit(false).sink(sink);
    }

    private static void logAll(RecordingStream rec, short[][] frames) {
        for (int f = 0; f < FRAMES; f++) {
            rec.setTimeSequence("frame", f);
            rec.log("depth", DepthImage.fromU16(frames[f % frames.length], DepthFrames.WIDTH, DepthFrames.HEIGHT).withMeter(1000));
        }
    }

    private static Row row(String name, long nanos) {
        double seconds = nanos / 1e9;
        return new Row(name, FRAMES / seconds, FRAMES * (double) DepthFrames.FRAME_BYTES / 1e6 / seconds);
    }

    private static void waitForReaders(ProxyServer proxy, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (proxy.stats().readers() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static AutoCloseable nativeReader(int port, CountDownLatch done, LongConsumer onMessage) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(Integer.MAX_VALUE).build();
        ClientCall<byte[], byte[]> call = channel.newCall(ProxyProtocol.READ_MESSAGES, CallOptions.DEFAULT);
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                onMessage.accept(System.nanoTime());
                done.countDown();
                call.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
            }
        }, new Metadata());
        call.sendMessage(new byte[0]);
        call.halfClose();
        call.request(1);
        return channel::shutdownNow;
    }

    /** The web viewer's transport: POST over HTTP/1.1, frames read from the chunked body. */
    private static AutoCloseable webReader(int port, CountDownLatch done) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/" + ProxyProtocol.SERVICE
                + "/ReadMessages").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("content-type", "application/grpc-web+proto");
        c.setRequestProperty("x-grpc-web", "1");
        c.setFixedLengthStreamingMode(5);
        try (OutputStream out = c.getOutputStream()) {
            out.write(new byte[5]);
        }
        Thread t = new Thread(() -> {
            try (InputStream in = c.getInputStream()) {
                DataInputStream data = new DataInputStream(in);
                while (true) {
                    int flag = data.readUnsignedByte();
                    byte[] payload = new byte[data.readInt()];
                    data.readFully(payload);
                    if ((flag & 0x80) != 0) {
                        return;
                    }
                    done.countDown();
                }
            } catch (EOFException ended) {
                // closed
            } catch (Exception e) {
                if (done.getCount() > 0) {
                    e.printStackTrace();
                }
            }
        }, "web-reader");
        t.setDaemon(true);
        // The response headers come with the first message, so the reading thread waits for them.
        t.start();
        return c::disconnect;
    }
}
