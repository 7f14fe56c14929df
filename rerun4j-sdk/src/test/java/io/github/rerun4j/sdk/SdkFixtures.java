package io.github.rerun4j.sdk;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.Color;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.Resolution;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.ValueRange;
import io.github.rerun4j.sdk.types.Vec3D;
import java.util.List;

/** Archetypes with every field set, and small helpers shared by the SDK-level tests. */
public final class SdkFixtures {

    private SdkFixtures() {
    }

    /** A 3x2 U16 depth image with all eight fields set (non-default values everywhere). */
    public static DepthImage fullDepthImage() {
        return DepthImage.fromU16(new short[] {1, 2, 3, (short) 40000, 5, (short) 65535}, 3, 2)
                .withMeter(10000.0)
                .withColormap(Colormap.VIRIDIS)
                .withDepthRange(0.25, 8.5)
                .withPointFillRatio(0.5)
                .withDrawOrder(-7.5)
                .withMagnificationFilter(MagnificationFilter.BICUBIC);
    }

    /** A depth image of {@code datatype}, width 3 height 2, whose bytes are 1..n (distinct), with all fields. */
    public static DepthImage fullDepthImage(ChannelDatatype datatype) {
        int n = 3 * 2 * datatype.bytesPerElement();
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 7 + datatype.code());
        }
        return new DepthImage(ImageBuffer.of(bytes), ImageFormat.depth(3, 2, datatype), 1234.5f, Colormap.MAGMA,
                ValueRange.of(-1.5, 99.25), 0.75f, 3.0f, MagnificationFilter.LINEAR);
    }

    /** A pinhole with all eight fields set. */
    public static Pinhole fullPinhole() {
        return new Pinhole(Mat3x3.fromRows(200, 0, 150, 0, 210, 100, 0, 0, 1), Resolution.of(300, 200),
                ViewCoordinates.RDF, "camera_frame", "world_frame", 2.5f, new Color(0x11223344), 0.02f);
    }

    /** A transform with all eight fields set. */
    public static Transform3D fullTransform() {
        return new Transform3D(Vec3D.of(1, 0.5f, -2), new RotationAxisAngle(Vec3D.of(0, 0, 1), 0.75f),
                new Quaternion(0.1f, 0.2f, 0.3f, 0.9f), Vec3D.of(2, 3, 4), Mat3x3.fromRows(1, 2, 0, 0, 1, 0, 0, 0, 3),
                TransformRelation.CHILD_FROM_PARENT, "child_f", "parent_f");
    }

    /** The chunks a sink received, in order. */
    public static List<Chunk> chunks(MemorySink sink) {
        return sink.messages().stream()
                .filter(m -> m instanceof LogMessage.ChunkMessage)
                .map(m -> ((LogMessage.ChunkMessage) m).chunk())
                .toList();
    }

    /** The chunks of a list of messages, in order. */
    public static List<Chunk> chunks(List<LogMessage> messages) {
        return messages.stream()
                .filter(m -> m instanceof LogMessage.ChunkMessage)
                .map(m -> ((LogMessage.ChunkMessage) m).chunk())
                .toList();
    }
}
