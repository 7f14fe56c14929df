package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's program, built against the installed rerun4j-sdk, writes a file that reads back complete. */
class ConsumerTest {

    @Test
    void readmeProgramWritesTheCameraAndTenFrames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("depth.rrd");
        Main.main(new String[] {file.toString()});

        Map<String, Integer> rows = new TreeMap<>();
        List<Long> frames = new ArrayList<>();
        for (LogMessage message : LogMessageReader.readAll(file)) {
            if (message instanceof LogMessage.ChunkMessage c) {
                Chunk chunk = c.chunk();
                rows.merge(chunk.entityPath(), chunk.rowCount(), Integer::sum);
                for (int row = 0; row < chunk.rowCount(); row++) {
                    Long frame = chunk.timePoint(row).get("frame");
                    if (frame != null) {
                        frames.add(frame);
                    }
                }
            }
        }
        assertEquals(Map.of("/world/camera", 1, "/world/camera/depth", 10), rows);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), frames);
    }
}
