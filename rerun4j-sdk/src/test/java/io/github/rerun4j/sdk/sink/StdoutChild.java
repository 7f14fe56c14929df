package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.TestImages;

/**
 * The program {@link StreamSinkTest} pipes: logs {@code frames} checksummed 32x24 frames to standard output (LZ4
 * when the second argument is {@code lz4}), printing with {@code System.out.println} in between as careless user
 * code would.
 */
public final class StdoutChild {

    private StdoutChild() {
    }

    public static void main(String[] args) throws Exception {
        int frames = Integer.parseInt(args[0]);
        boolean lz4 = args.length > 1 && args[1].equals("lz4");
        try (RecordingStream rec = RecordingStream.builder("stdout_child").recordingId("stdout").sink(StreamSink.stdout(lz4))) {
            for (int frame = 0; frame < frames; frame++) {
                System.out.println("user print " + frame);
                rec.setTimeSequence("frame", frame);
                rec.log("cam/depth", TestImages.image(3, frame, 32, 24));
            }
        }
        System.out.println("after close");
    }
}
