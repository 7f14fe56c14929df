package io.github.rerun4j.sdk.rrd;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Jazzer targets over arbitrary bytes. In a normal build they replay the inputs under
 * {@code src/test/resources/io/github/rerun4j/sdk/rrd/RrdFuzzTestInputs/<method>/}; with {@code -Pfuzz} one of
 * them fuzzes. Only {@link RrdFormatException} may escape; anything else (or a timeout, an OOM) is a finding.
 */
class RrdFuzzTest {

    /** Message framing and protobuf decoding. */
    @FuzzTest(maxDuration = "2m")
    void rrdReader(byte[] input) throws IOException {
        try (RrdReader reader = RrdReader.of(new ByteArrayInputStream(input))) {
            for (int guard = 0; guard <= input.length / 16 + 2; guard++) {
                if (reader.next() == null) {
                    return;
                }
            }
            throw new AssertionError("RrdReader did not reach the end of a " + input.length + "-byte input");
        } catch (RrdFormatException expected) {
            // the one allowed outcome for damaged input
        }
    }

    /** The full path: framing, protobuf, LZ4, Arrow IPC, chunks, ArchetypeCodec.readAll on every row. */
    @FuzzTest(maxDuration = "2m")
    void logMessageReader(byte[] input) {
        FullPath.read(input);  // lets only RrdFormatException through, and collects those
    }
}
