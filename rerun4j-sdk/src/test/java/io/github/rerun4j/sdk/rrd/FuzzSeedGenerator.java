package io.github.rerun4j.sdk.rrd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed inputs of the fuzz targets from SDK-written data. Run once, by hand:
 * {@code mvn -pl rerun4j-sdk test -Dtest=FuzzSeedGenerator -Dfuzz.writeSeeds=true}; the files are checked in.
 */
class FuzzSeedGenerator {

    private static final Path RESOURCES = Path.of("src/test/resources/io/github/rerun4j/sdk");

    @Test
    @EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws IOException {
        FullPath.Sample sample = FullPath.sample();
        byte[] file = sample.bytes();
        List<Long> b = sample.boundaries();
        for (String method : new String[] {"rrdReader", "logMessageReader"}) {
            Path dir = RESOURCES.resolve("rrd/RrdFuzzTestInputs/" + method);
            Files.createDirectories(dir);
            Files.write(dir.resolve("sample_recording"), file);
            // Header plus one message each: small seeds the fuzzer mutates faster.
            for (int i = 1; i < b.size(); i++) {
                byte[] one = new byte[12 + (int) (b.get(i) - b.get(i - 1))];
                System.arraycopy(file, 0, one, 0, 12);
                System.arraycopy(file, b.get(i - 1).intValue(), one, 12, one.length - 12);
                Files.write(dir.resolve("single_message_" + i), one);
            }
        }
        Path arrow = RESOURCES.resolve("arrow/ArrowIpcFuzzTestInputs/arrowIpcAndChunk");
        Files.createDirectories(arrow);
        try (RrdReader reader = RrdReader.of(new java.io.ByteArrayInputStream(file))) {
            int n = 0;
            for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
                if (r.message() instanceof RrdMessage.ArrowMsg a) {
                    ByteBuffer ipc = a.ipc().duplicate();
                    byte[] bytes = new byte[ipc.remaining()];
                    ipc.get(bytes);
                    Files.write(arrow.resolve("sdk_chunk_" + (++n)), bytes);
                }
            }
        }
        System.out.println("seeds written: " + Arrays.toString(new String[] {RESOURCES.toAbsolutePath().toString()}));
    }
}
