package io.github.rerun4j.render.export;

import io.github.rerun4j.render.projection.PointCloud;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link PointCloud} as a PLY file (Stanford polygon format, vertices only) that Open3D,
 * MeshLab, CloudCompare and PCL read: {@code float x y z}, then {@code uchar red green blue} (and
 * optionally {@code alpha}) if colours are given, then optionally {@code float radius}.
 * Binary little-endian by default, ASCII on request.
 *
 * <p>Colours are one {@code 0xRRGGBBAA} int per point (Rerun's {@code Color} layout), or a single
 * element applied to every point, or null for no colour properties.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {          // the caller owns the file
 *     PlyWriter.write(cloud, colors, out, false);               // binary_little_endian 1.0
 * }
 * PlyWriter.write(cloud, null, out, PlyWriter.Options.ASCII.withRadius(true));
 * }</pre>
 *
 * <p>The stream is flushed but not closed.
 */
public final class PlyWriter {

    /**
     * What to write.
     *
     * @param ascii  ASCII instead of binary little-endian
     * @param alpha  add an {@code alpha} property (only if colours are given)
     * @param radius add a {@code radius} property
     */
    public record Options(boolean ascii, boolean alpha, boolean radius) {

        /** Binary little-endian, RGB, no radius. */
        public static final Options BINARY = new Options(false, false, false);
        /** ASCII, RGB, no radius. */
        public static final Options ASCII = new Options(true, false, false);

        /** A copy with the alpha property switched. */
        public Options withAlpha(boolean alpha) {
            return new Options(ascii, alpha, radius);
        }

        /** A copy with the radius property switched. */
        public Options withRadius(boolean radius) {
            return new Options(ascii, alpha, radius);
        }
    }

    private static final int CHUNK = 1 << 16;

    private PlyWriter() {
    }

    /** xyz + RGB (if {@code rgba} is not null), binary little-endian or ASCII. */
    public static void write(PointCloud cloud, int[] rgba, OutputStream out, boolean ascii) throws IOException {
        write(cloud, rgba, out, ascii ? Options.ASCII : Options.BINARY);
    }

    /** Writes the header and all points of {@code cloud}. */
    public static void write(PointCloud cloud, int[] rgba, OutputStream out, Options options) throws IOException {
        int n = cloud.count();
        if (rgba != null && rgba.length != 1 && rgba.length < n) {
            throw new IllegalArgumentException("rgba has " + rgba.length + " colours for " + n + " points");
        }
        out.write(header(n, rgba != null, options).getBytes(StandardCharsets.US_ASCII));
        if (options.ascii()) {
            writeAscii(cloud, rgba, out, options);
        } else {
            writeBinary(cloud, rgba, out, options);
        }
        out.flush();
    }

    /** The header text, ending with {@code "end_header\n"}. */
    public static String header(int count, boolean colors, Options options) {
        StringBuilder sb = new StringBuilder("ply\n")
                .append(options.ascii() ? "format ascii 1.0\n" : "format binary_little_endian 1.0\n")
                .append("comment rerun4j depth point cloud\n")
                .append("element vertex ").append(count).append('\n')
                .append("property float x\nproperty float y\nproperty float z\n");
        if (colors) {
            sb.append("property uchar red\nproperty uchar green\nproperty uchar blue\n");
            if (options.alpha()) {
                sb.append("property uchar alpha\n");
            }
        }
        if (options.radius()) {
            sb.append("property float radius\n");
        }
        return sb.append("end_header\n").toString();
    }

    /** Bytes per vertex in the binary format. */
    public static int binaryVertexSize(boolean colors, Options options) {
        return 12 + (colors ? (options.alpha() ? 4 : 3) : 0) + (options.radius() ? 4 : 0);
    }

    private static void writeBinary(PointCloud cloud, int[] rgba, OutputStream out, Options o) throws IOException {
        int n = cloud.count();
        boolean colors = rgba != null;
        int stride = binaryVertexSize(colors, o);
        float[] xyz = cloud.xyz();
        float[] radii = cloud.radii();
        byte[] chunk = new byte[Math.max(CHUNK / stride, 1) * stride];
        ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if (b.remaining() < stride) {
                out.write(chunk, 0, b.position());
                b.clear();
            }
            b.putFloat(xyz[3 * i]).putFloat(xyz[3 * i + 1]).putFloat(xyz[3 * i + 2]);
            if (colors) {
                int c = rgba.length == 1 ? rgba[0] : rgba[i];
                b.put((byte) (c >>> 24)).put((byte) (c >>> 16)).put((byte) (c >>> 8));
                if (o.alpha()) {
                    b.put((byte) c);
                }
            }
            if (o.radius()) {
                b.putFloat(radii[i]);
            }
        }
        out.write(chunk, 0, b.position());
    }

    private static void writeAscii(PointCloud cloud, int[] rgba, OutputStream out, Options o) throws IOException {
        int n = cloud.count();
        float[] xyz = cloud.xyz();
        float[] radii = cloud.radii();
        StringBuilder sb = new StringBuilder(CHUNK + 256);
        for (int i = 0; i < n; i++) {
            // Float.toString is locale-independent and round-trips exactly ("1.0E-4" is valid for strtod).
            sb.append(xyz[3 * i]).append(' ').append(xyz[3 * i + 1]).append(' ').append(xyz[3 * i + 2]);
            if (rgba != null) {
                int c = rgba.length == 1 ? rgba[0] : rgba[i];
                sb.append(' ').append(c >>> 24).append(' ').append((c >>> 16) & 0xFF).append(' ')
                        .append((c >>> 8) & 0xFF);
                if (o.alpha()) {
                    sb.append(' ').append(c & 0xFF);
                }
            }
            if (o.radius()) {
                sb.append(' ').append(radii[i]);
            }
            sb.append('\n');
            if (sb.length() >= CHUNK) {
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                sb.setLength(0);
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
