package io.github.rerun4j.sdk.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The binary form is big-endian whatever the caller's buffer order, and the caller's order is left alone. */
class TuidTest {

    @Test
    void readAndWriteKeepTheCallersByteOrder() {
        Tuid id = new Tuid(0x0102030405060708L, 0x1112131415161718L);
        ByteBuffer buf = ByteBuffer.allocate(Tuid.BYTES + 4).order(ByteOrder.LITTLE_ENDIAN);
        id.write(buf);
        assertThat(buf.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(0x01020304);
        assertThat(buf.array()[0]).as("big-endian on the wire").isEqualTo((byte) 0x01);
        assertThat(buf.array()[Tuid.BYTES]).as("the caller's own int after it, in its order").isEqualTo((byte) 0x04);

        buf.flip();
        assertThat(Tuid.read(buf)).isEqualTo(id);
        assertThat(buf.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(buf.getInt()).isEqualTo(0x01020304);
    }
}
