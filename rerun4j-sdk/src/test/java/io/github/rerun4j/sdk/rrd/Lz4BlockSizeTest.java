package io.github.rerun4j.sdk.rrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/** The walk that sizes an LZ4 block agrees with lz4-java on every shape of block, and stops at the first bad byte. */
class Lz4BlockSizeTest {

    private static final LZ4Compressor FAST = LZ4Factory.safeInstance().fastCompressor();
    private static final LZ4Compressor HIGH = LZ4Factory.safeInstance().highCompressor();

    @Test
    void everyBlockSizesToWhatItDecompressesTo() throws Exception {
        Random random = new Random(0x1A4B);
        for (int round = 0; round < 120; round++) {
            byte[] data = new byte[random.nextInt(100_000)];
            switch (round % 4) {
                case 0 -> random.nextBytes(data);                        // literals only, long literal runs
                case 1 -> Arrays.fill(data, (byte) 7);                   // one long match (255-continued lengths)
                case 2 -> {                                               // depth-like: smooth with noise
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (byte) (i / 64 + random.nextInt(3));
                    }
                }
                default -> {                                              // runs of either
                    for (int i = 0; i < data.length; ) {
                        int run = Math.min(data.length - i, 1 + random.nextInt(600));
                        if (random.nextBoolean()) {
                            Arrays.fill(data, i, i + run, (byte) random.nextInt());
                        } else {
                            for (int k = i; k < i + run; k++) {
                                data[k] = (byte) random.nextInt();
                            }
                        }
                        i += run;
                    }
                }
            }
            for (LZ4Compressor compressor : new LZ4Compressor[] {FAST, HIGH}) {
                byte[] block = compressor.compress(data);
                byte[] padded = new byte[block.length + 10];
                System.arraycopy(block, 0, padded, 5, block.length);
                assertThat(Lz4BlockSize.decodedSize(padded, 5, block.length, Integer.MAX_VALUE))
                        .as("round %d, %d bytes", round, data.length).isEqualTo(data.length);
            }
        }
    }

    @Test
    void aMatchReachingBeforeTheOutputIsRejectedAtItsOffsetBytes() {
        byte[] block = {0x10, 'a', 0x02, 0x00, 0x00};  // one literal, then a match 2 bytes back: only 1 exists
        assertThatThrownBy(() -> Lz4BlockSize.decodedSize(block, 0, block.length, 100))
                .isInstanceOfSatisfying(Lz4BlockSize.MalformedBlockException.class, e -> assertThat(e.at()).isEqualTo(2))
                .hasMessageContaining("match offset 2 points before the start of the output (1 bytes decoded so far)");
    }

    @Test
    void literalsRunningPastTheEndAndEmptyBlocksAreRejected() {
        byte[] block = {(byte) 0xF0, (byte) 255, 10, 'x'};  // 15 + 255 + 10 literals announced, 1 present
        assertThatThrownBy(() -> Lz4BlockSize.decodedSize(block, 0, block.length, 1000))
                .isInstanceOfSatisfying(Lz4BlockSize.MalformedBlockException.class, e -> assertThat(e.at()).isEqualTo(3))
                .hasMessageContaining("280 literal bytes announced, only 1 left");
        assertThatThrownBy(() -> Lz4BlockSize.decodedSize(new byte[0], 0, 0, 1000))
                .isInstanceOf(Lz4BlockSize.MalformedBlockException.class);
    }

    @Test
    void aBlockDecodingPastTheLimitIsRejectedWithoutWalkingTheRest() throws Exception {
        byte[] block = FAST.compress(new byte[1 << 20]);
        assertThat(Lz4BlockSize.decodedSize(block, 0, block.length, 1 << 20)).isEqualTo(1 << 20);
        assertThatThrownBy(() -> Lz4BlockSize.decodedSize(block, 0, block.length, 1000))
                .hasMessageContaining("decodes to more than 1000 bytes");
    }
}
