package io.github.rerun4j.render.export;

import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.render.projection.Snippet3d;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlyWriterTest {

    private static final PointCloud CLOUD =
            BackProjection.project(Snippet3d.depth(), Snippet3d.pinhole(), Affine3.IDENTITY, 0, 65535);

    private static final String BINARY_HEADER = """
            ply
            format binary_little_endian 1.0
            comment rerun4j depth point cloud
            element vertex 60000
            property float x
            property float y
            property float z
            property uchar red
            property uchar green
            property uchar blue
            end_header
            """;

    private static int[] colors() {
        int[] c = new int[CLOUD.count()];
        for (int i = 0; i < c.length; i++) {
            c[i] = CLOUD.depthMeters()[i] < 3 ? 0x35618EFF : CLOUD.depthMeters()[i] < 5 ? 0x3DBB74FF : 0xFCE721FF;
        }
        return c;
    }

    @Test
    void binaryHeaderAndExactSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlyWriter.write(CLOUD, colors(), out, false);
        byte[] bytes = out.toByteArray();
        byte[] header = BINARY_HEADER.getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOf(bytes, header.length)).isEqualTo(header);
        assertThat(bytes).hasSize(header.length + 60_000 * 15);

        // vertex of pixel (200, 150): (1.125, 1.125, 4.5), bar colour
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = header.length + (150 * 300 + 200) * 15;
        assertThat(b.getFloat(at)).isEqualTo(CLOUD.x(150 * 300 + 200));
        assertThat(b.getFloat(at + 4)).isEqualTo(CLOUD.y(150 * 300 + 200));
        assertThat(b.getFloat(at + 8)).isEqualTo(CLOUD.z(150 * 300 + 200));
        assertThat(new int[] {bytes[at + 12] & 0xFF, bytes[at + 13] & 0xFF, bytes[at + 14] & 0xFF})
                .containsExactly(0x3D, 0xBB, 0x74);
    }

    @Test
    void binaryWithAlphaAndRadius() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlyWriter.Options o = PlyWriter.Options.BINARY.withAlpha(true).withRadius(true);
        PlyWriter.write(CLOUD, new int[] {0x11223344}, out, o);
        String header = PlyWriter.header(60_000, true, o);
        assertThat(header).contains("property uchar alpha\nproperty float radius\nend_header\n");
        assertThat(PlyWriter.binaryVertexSize(true, o)).isEqualTo(20);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).hasSize(header.length() + 60_000 * 20);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = header.length();
        assertThat(new int[] {bytes[at + 12], bytes[at + 13], bytes[at + 14], bytes[at + 15]})
                .containsExactly(0x11, 0x22, 0x33, 0x44);
        assertThat(b.getFloat(at + 16)).isEqualTo(CLOUD.radii()[0]);
    }

    @Test
    void asciiIsParseable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlyWriter.write(CLOUD, colors(), out, true);
        List<String> lines = out.toString(StandardCharsets.US_ASCII).lines().toList();
        int end = lines.indexOf("end_header");
        assertThat(lines.get(1)).isEqualTo("format ascii 1.0");
        assertThat(lines).hasSize(end + 1 + 60_000);
        for (int i = 0; i < CLOUD.count(); i++) {
            String[] f = lines.get(end + 1 + i).split(" ");
            assertThat(f).hasSize(6);
            assertThat(Float.parseFloat(f[0])).isEqualTo(CLOUD.x(i));
            assertThat(Float.parseFloat(f[1])).isEqualTo(CLOUD.y(i));
            assertThat(Float.parseFloat(f[2])).isEqualTo(CLOUD.z(i));
            assertThat(Integer.parseInt(f[3])).isBetween(0, 255);
        }
        assertThat(lines.get(end + 1 + 150 * 300 + 200)).isEqualTo("1.125 1.125 4.5 61 187 116");
    }

    @Test
    void noColoursMeansXyzOnly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlyWriter.write(CLOUD, null, out, false);
        String header = PlyWriter.header(60_000, false, PlyWriter.Options.BINARY);
        assertThat(header).doesNotContain("red");
        assertThat(out.size()).isEqualTo(header.length() + 60_000 * 12);
    }

    @Test
    void tooFewColoursIsAnError() {
        assertThatThrownBy(() -> PlyWriter.write(CLOUD, new int[] {1, 2}, new ByteArrayOutputStream(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
