package example;

import io.github.rerun4j.sdk.Archetypes;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.types.Colormap;
import java.io.IOException;
import java.nio.file.Path;

/** Logs a camera and ten depth frames to depth.rrd (or the path given), then reads the file back. */
public class Main {
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "depth.rrd");
        int width = 300;
        int height = 200;
        try (RecordingStream rec = RecordingStream.builder("my_robot").saveTo(file)) {
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(200, width, height));
            for (int frame = 0; frame < 10; frame++) {
                rec.setTimeSequence("frame", frame);
                short[] millimetres = new short[width * height]; // row-major: [y * width + x]
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        millimetres[y * width + x] = (short) (1000 + 10 * y + 100 * frame); // a tilted wall
                    }
                }
                rec.log("world/camera/depth", DepthImage.fromU16(millimetres, width, height)
                        .withMeter(1000)
                        .withColormap(Colormap.VIRIDIS));
            }
        }
        for (LogMessage message : LogMessageReader.readAll(file)) {
            if (message instanceof LogMessage.ChunkMessage c) {
                Chunk chunk = c.chunk();
                System.out.println(chunk.entityPath() + ": " + chunk.rowCount() + " row(s)");
                Archetypes.read(chunk, 0, DepthImage.class).ifPresent(depth ->
                        System.out.println("  first row: a " + depth.width() + "x" + depth.height() + " depth image"));
            }
        }
    }
}
