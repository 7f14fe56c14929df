package io.github.rerun4j.sdk;

import io.github.rerun4j.sdk.archetypes.AndroidDepth16;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.Color;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.PixelFormat;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.Resolution;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.ValueRange;
import io.github.rerun4j.sdk.types.Vec2D;
import io.github.rerun4j.sdk.types.Vec3D;
import io.github.rerun4j.sdk.types.ViewDir;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every public factory, builder and log call of the SDK with bad input, one row each: the call throws an
 * {@link InvalidArgumentException} whose message names the field, the value and the expectation; nothing
 * reaches the sink; and the same stream takes a valid log right after.
 *
 * <p>Each row runs inside a live {@link RecordingStream} (immediate batching, {@link MemorySink}); rows for
 * factories and value types build the archetype inside {@code rec.log(...)}, as a user's code would.
 */
class BadInputTableTest {

    /**
     * One bad call.
     *
     * @param call  what the user does with the stream
     * @param field the field the exception must name ({@link InvalidArgumentException#field()}, exactly)
     * @param value a fragment the rendered value must contain
     */
    record Row(String name, Consumer<RecordingStream> call, String field, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private static void row(String name, String field, String value, Consumer<RecordingStream> call) {
        ROWS.add(new Row(name, call, field, value));
    }

    private static void logImage(RecordingStream rec, DepthImage image) {
        rec.log("cam/depth", image);
    }

    private static DepthImage ok() {
        return DepthImage.fromU16(new short[6], 3, 2);
    }

    private static final Mat3x3 K = Mat3x3.fromRows(200, 0, 150, 0, 210, 100, 0, 0, 1);

    static {
        // ---- DepthImage factories: buffer length, sizes, overflow, element type ----
        row("fromU8 short buffer", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromU8(new byte[5], 3, 2)));
        row("fromI8 long buffer", "DepthImage.buffer", "7 elements", r -> logImage(r, DepthImage.fromI8(new byte[7], 3, 2)));
        row("fromU16 wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromU16(new short[5], 3, 2)));
        row("fromI16 wrong length", "DepthImage.buffer", "7 elements", r -> logImage(r, DepthImage.fromI16(new short[7], 3, 2)));
        row("fromF16 wrong length", "DepthImage.buffer", "1 elements", r -> logImage(r, DepthImage.fromF16(new short[1], 3, 2)));
        row("fromU32 wrong length", "DepthImage.buffer", "0 elements", r -> logImage(r, DepthImage.fromU32(new int[0], 3, 2)));
        row("fromI32 wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromI32(new int[5], 3, 2)));
        row("fromU64 wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromU64(new long[5], 3, 2)));
        row("fromI64 wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromI64(new long[5], 3, 2)));
        row("fromF32 wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromF32(new float[5], 3, 2)));
        row("fromF64 wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromF64(new double[5], 3, 2)));
        row("fromU16 ShortBuffer wrong remaining", "DepthImage.buffer", "5 elements",
                r -> logImage(r, DepthImage.fromU16(ShortBuffer.allocate(6).position(1), 3, 2)));
        row("fromI16 direct ShortBuffer wrong length", "DepthImage.buffer", "4 elements",
                r -> logImage(r, DepthImage.fromI16(ByteBuffer.allocateDirect(8).asShortBuffer(), 3, 2)));
        row("fromF16 ShortBuffer wrong length", "DepthImage.buffer", "7 elements", r -> logImage(r, DepthImage.fromF16(ShortBuffer.allocate(7), 3, 2)));
        row("fromU32 IntBuffer wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromU32(IntBuffer.allocate(5), 3, 2)));
        row("fromI32 IntBuffer wrong length", "DepthImage.buffer", "7 elements", r -> logImage(r, DepthImage.fromI32(IntBuffer.allocate(7), 3, 2)));
        row("fromU64 LongBuffer wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromU64(LongBuffer.allocate(5), 3, 2)));
        row("fromI64 LongBuffer wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromI64(LongBuffer.allocate(5), 3, 2)));
        row("fromF32 FloatBuffer wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromF32(FloatBuffer.allocate(5), 3, 2)));
        row("fromF64 DoubleBuffer wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromF64(DoubleBuffer.allocate(5), 3, 2)));
        row("fromBytes ByteBuffer wrong length", "DepthImage.buffer", "11 bytes",
                r -> logImage(r, DepthImage.fromBytes(ByteBuffer.allocate(11), 3, 2, ChannelDatatype.U16)));
        row("fromBytes byte[] wrong length", "DepthImage.buffer", "23 bytes",
                r -> logImage(r, DepthImage.fromBytes(new byte[23], 3, 2, ChannelDatatype.F32)));
        row("fromBytes null datatype", "DepthImage.datatype", "null", r -> logImage(r, DepthImage.fromBytes(new byte[6], 3, 2, null)));
        row("fromU16 null array", "DepthImage.data", "null", r -> logImage(r, DepthImage.fromU16((short[]) null, 3, 2)));
        row("fromF32 null buffer", "DepthImage.data", "null", r -> logImage(r, DepthImage.fromF32((FloatBuffer) null, 3, 2)));
        row("zero width", "ImageFormat.width", "0", r -> logImage(r, DepthImage.fromU16(new short[0], 0, 2)));
        row("zero height", "ImageFormat.height", "0", r -> logImage(r, DepthImage.fromU16(new short[0], 3, 0)));
        row("negative width", "ImageFormat.width", "-3", r -> logImage(r, DepthImage.fromU8(new byte[6], -3, -2)));
        row("negative height", "ImageFormat.height", "-2", r -> logImage(r, DepthImage.fromF64(new double[6], 3, -2)));
        row("W*H*8 overflows int", "ImageFormat", "bytes",
                r -> logImage(r, DepthImage.fromF64(new double[6], 65536, 65536)));
        row("W*H*8 near Long overflow", "ImageFormat", "bytes",
                r -> logImage(r, DepthImage.fromU64(new long[6], Integer.MAX_VALUE, Integer.MAX_VALUE)));
        row("W*H*2 just over the limit", "ImageFormat", "bytes",
                r -> logImage(r, DepthImage.fromU16(new short[6], 46341, 23171)));
        row("element type mismatch", "DepthImage.datatype", "F32", r -> logImage(r, DepthImage.fromTensor(new int[6], new long[] {2, 3}, ChannelDatatype.F32)));
        // ---- fromTensor ----
        row("fromTensor null data", "DepthImage.data", "null", r -> logImage(r, DepthImage.fromTensor(null, new long[] {2, 3}, ChannelDatatype.U16)));
        row("fromTensor null shape", "DepthImage.shape", "null", r -> logImage(r, DepthImage.fromTensor(new short[6], null, ChannelDatatype.U16)));
        row("fromTensor null datatype", "DepthImage.datatype", "null", r -> logImage(r, DepthImage.fromTensor(new short[6], new long[] {2, 3}, null)));
        row("fromTensor 3 channels", "DepthImage.shape", "[2, 3, 3]", r -> logImage(r, DepthImage.fromTensor(new short[18], new long[] {2, 3, 3}, ChannelDatatype.U16)));
        row("fromTensor 1D", "DepthImage.shape", "[6]", r -> logImage(r, DepthImage.fromTensor(new short[6], new long[] {6}, ChannelDatatype.U16)));
        row("fromTensor empty shape", "DepthImage.shape", "[]", r -> logImage(r, DepthImage.fromTensor(new short[6], new long[0], ChannelDatatype.U16)));
        row("fromTensor zero dim", "DepthImage.shape", "[0, 3]", r -> logImage(r, DepthImage.fromTensor(new short[0], new long[] {0, 3}, ChannelDatatype.U16)));
        row("fromTensor negative dim", "DepthImage.shape", "[-2, 3]", r -> logImage(r, DepthImage.fromTensor(new short[6], new long[] {-2, 3}, ChannelDatatype.U16)));
        row("fromTensor dim over int", "DepthImage.shape", "4294967296", r -> logImage(r, DepthImage.fromTensor(new short[6], new long[] {1L << 32, 3}, ChannelDatatype.U16)));
        row("fromTensor wrong length", "DepthImage.buffer", "5 elements", r -> logImage(r, DepthImage.fromTensor(new float[5], new long[] {1, 2, 3, 1}, ChannelDatatype.F32)));
        row("fromTensor unsupported data", "DepthImage.data", "java.lang.String", r -> logImage(r, DepthImage.fromTensor("pixels", new long[] {2, 3}, ChannelDatatype.U8)));
        row("fromTensor raw bytes wrong length", "DepthImage.buffer", "13 bytes",
                r -> logImage(r, DepthImage.fromTensor(ByteBuffer.allocate(13), new long[] {2, 3}, ChannelDatatype.U16)));
        // ---- DepthImage fields ----
        row("meter NaN", "DepthImage.meter", "NaN", r -> logImage(r, ok().withMeter(Double.NaN)));
        row("meter +inf", "DepthImage.meter", "Infinity", r -> logImage(r, ok().withMeter(Double.POSITIVE_INFINITY)));
        row("meter zero", "DepthImage.meter", "0.0", r -> logImage(r, ok().withMeter(0.0)));
        row("meter negative", "DepthImage.meter", "-1.0", r -> logImage(r, ok().withMeter(-1.0)));
        row("meter over float range", "DepthImage.meter", "1.0E300", r -> logImage(r, ok().withMeter(1e300)));
        row("meter boxed negative", "DepthImage.meter", "-5.0", r -> logImage(r, ok().withMeter(Float.valueOf(-5f))));
        row("depth scale zero", "DepthImage.depthScale", "0.0", r -> logImage(r, ok().withDepthScale(0)));
        row("depth scale negative", "DepthImage.depthScale", "-0.001", r -> logImage(r, ok().withDepthScale(-0.001)));
        row("depth scale tiny (meter beyond float)", "DepthImage.depthScale", "1.0E-300", r -> logImage(r, ok().withDepthScale(1e-300)));
        row("depth range NaN", "ValueRange", "NaN", r -> logImage(r, ok().withDepthRange(Double.NaN, 1)));
        row("depth range inverted", "ValueRange", "[5.0, 1.0]", r -> logImage(r, ok().withDepthRange(5, 1)));
        row("depth range infinite", "ValueRange", "Infinity", r -> logImage(r, ok().withDepthRange(0, Double.POSITIVE_INFINITY)));
        row("ValueRange.of inverted", "ValueRange", "[2.0, -2.0]", r -> logImage(r, ok().withDepthRange(ValueRange.of(2, -2))));
        row("fill ratio negative", "DepthImage.pointFillRatio", "-0.5", r -> logImage(r, ok().withPointFillRatio(-0.5)));
        row("fill ratio NaN", "DepthImage.pointFillRatio", "NaN", r -> logImage(r, ok().withPointFillRatio(Double.NaN)));
        row("fill ratio boxed -inf", "DepthImage.pointFillRatio", "-Infinity", r -> logImage(r, ok().withPointFillRatio(Float.NEGATIVE_INFINITY)));
        row("draw order NaN", "DepthImage.drawOrder", "NaN", r -> logImage(r, ok().withDrawOrder(Double.NaN)));
        row("draw order boxed inf", "DepthImage.drawOrder", "Infinity", r -> logImage(r, ok().withDrawOrder(Float.POSITIVE_INFINITY)));
        row("colormap unknown name", "Colormap.name", "\"rainbow\"", r -> logImage(r, ok().withColormap("rainbow")));
        row("colormap null name", "Colormap.name", "null", r -> logImage(r, ok().withColormap((String) null)));
        row("DepthImage null buffer", "DepthImage.buffer", "null", r -> logImage(r, DepthImage.of(null, ImageFormat.depth(3, 2, ChannelDatatype.U8))));
        row("DepthImage null format", "DepthImage.format", "null", r -> logImage(r, DepthImage.of(ImageBuffer.of(new byte[6]), null)));
        row("DepthImage buffer/format mismatch", "DepthImage.buffer", "6 bytes",
                r -> logImage(r, DepthImage.of(ImageBuffer.of(new byte[6]), ImageFormat.depth(3, 2, ChannelDatatype.U16))));
        row("DepthImage RGB format", "DepthImage.format", "RGB",
                r -> logImage(r, DepthImage.of(ImageBuffer.of(new byte[18]), ImageFormat.of(3, 2, io.github.rerun4j.sdk.types.ColorModel.RGB, ChannelDatatype.U8))));
        row("DepthImage pixel format", "DepthImage.format", "NV12",
                r -> logImage(r, DepthImage.of(ImageBuffer.of(new byte[9]), ImageFormat.of(3, 2, PixelFormat.NV12))));
        // ---- types ----
        row("ImageBuffer null", "ImageBuffer.data", "null", r -> logImage(r, DepthImage.of(ImageBuffer.of((byte[]) null), ImageFormat.depth(1, 1, ChannelDatatype.U8))));
        row("ImageBuffer.ofAny unsupported", "ImageBuffer.data", "java.lang.Integer", r -> ImageBuffer.ofAny(42));
        row("ImageFormat null datatype", "ImageFormat.channelDatatype", "null", r -> ImageFormat.depth(3, 2, null));
        row("ImageFormat null pixel format", "ImageFormat.pixelFormat", "null", r -> ImageFormat.of(3, 2, null));
        row("ChannelDatatype unknown code", "ChannelDatatype.code", "99", r -> ChannelDatatype.fromCode(99));
        row("Colormap unknown code", "Colormap.code", "77", r -> Colormap.fromCode(77));
        row("MagnificationFilter unknown code", "MagnificationFilter.code", "9", r -> MagnificationFilter.fromCode(9));
        row("TransformRelation unknown code", "TransformRelation.code", "5", r -> TransformRelation.fromCode(5));
        row("PixelFormat unknown code", "PixelFormat.code", "1234", r -> PixelFormat.fromCode(1234));
        row("ViewDir unknown letter", "ViewDir.letter", "'Q'", r -> ViewDir.fromLetter('Q'));
        row("Color channel > 255", "Color.r", "256", r -> Color.fromRgb(256, 0, 0));
        row("Color channel negative", "Color.a", "-1", r -> Color.fromRgba(0, 0, 0, -1));
        row("Vec3D NaN", "Vec3D.y", "NaN", r -> Vec3D.of(0, Float.NaN, 0));
        row("Vec2D inf", "Vec2D.x", "Infinity", r -> new Vec2D(Float.POSITIVE_INFINITY, 0));
        row("Quaternion NaN", "Quaternion.w", "NaN", r -> Quaternion.fromXyzw(0, 0, 0, Float.NaN));
        row("Quaternion zero", "Quaternion", "(0.0, 0.0, 0.0, 0.0)", r -> Quaternion.fromWxyz(0, 0, 0, 0));
        row("RotationAxisAngle zero axis", "RotationAxisAngle.axis", "0.0", r -> RotationAxisAngle.ofRadians(Vec3D.ZERO, 1));
        row("RotationAxisAngle null axis", "RotationAxisAngle.axis", "null", r -> RotationAxisAngle.ofDegrees(null, 1));
        row("RotationAxisAngle NaN angle", "RotationAxisAngle.angleRadians", "NaN", r -> RotationAxisAngle.ofRadians(Vec3D.ONE, Double.NaN));
        row("RotationAxisAngle inf degrees", "RotationAxisAngle.angleDegrees", "Infinity", r -> RotationAxisAngle.ofDegrees(Vec3D.ONE, Double.POSITIVE_INFINITY));
        row("Resolution zero", "Resolution.width", "0.0", r -> Resolution.of(0, 10));
        row("Resolution NaN", "Resolution.height", "NaN", r -> Resolution.of(10, Float.NaN));
        row("Mat3x3 short array", "Mat3x3.columnMajor", "8 elements", r -> new Mat3x3(new float[8]));
        row("Mat3x3 null array", "Mat3x3.columnMajor", "null", r -> new Mat3x3(null));
        row("Mat3x3 bad index", "Mat3x3.index", "(3, 0)", r -> Mat3x3.IDENTITY.get(3, 0));
        row("EntityPath.of empty part", "EntityPath.parts[1]", "\"\"", r -> r.log(EntityPath.of("world", ""), ok()));
        row("EntityPath.of null part", "EntityPath.parts[0]", "null", r -> r.log(EntityPath.of((String) null), ok()));
        row("EntityPath.of null array", "EntityPath.parts", "null", r -> EntityPath.of((String[]) null));
        row("EntityPath.parse null", "EntityPath.path", "null", r -> EntityPath.parse(null));
        // ---- archetypes: Pinhole ----
        row("Pinhole null matrix", "Pinhole.imageFromCamera", "null", r -> r.log("cam", Pinhole.fromImageFromCamera(null)));
        row("Pinhole NaN matrix", "Pinhole.imageFromCamera", "NaN", r -> r.log("cam", Pinhole.fromImageFromCamera(K.with(0, 2, Float.NaN))));
        row("Pinhole inf matrix", "Pinhole.imageFromCamera", "Infinity", r -> r.log("cam", Pinhole.fromImageFromCamera(K.with(1, 1, Float.POSITIVE_INFINITY))));
        row("Pinhole singular matrix", "Pinhole.imageFromCamera", "0.0", r -> r.log("cam", Pinhole.fromImageFromCamera(Mat3x3.fromRows(200, 0, 150, 0, 210, 100, 0, 0, 0))));
        row("Pinhole zero focal", "Pinhole.imageFromCamera", "0.0", r -> r.log("cam", Pinhole.fromImageFromCamera(K.with(0, 0, 0))));
        row("Pinhole focal zero", "Pinhole.focalLengthX", "0.0", r -> r.log("cam", Pinhole.fromFocalLengthAndResolution(0, 640, 480)));
        row("Pinhole focal NaN", "Pinhole.focalLengthX", "NaN", r -> r.log("cam", Pinhole.fromFocalLengthAndResolution(Float.NaN, 500, 640, 480)));
        row("Pinhole resolution negative", "Resolution.width", "-640.0", r -> r.log("cam", Pinhole.fromFocalLengthAndResolution(500, -640, 480)));
        row("Pinhole intrinsics fy zero", "Pinhole.focalLengthY", "0.0", r -> r.log("cam", Pinhole.fromIntrinsics(500, 0, 320, 240, 640, 480)));
        row("Pinhole intrinsics cx NaN", "Pinhole.principalPoint.x", "NaN", r -> r.log("cam", Pinhole.fromIntrinsics(500, 500, Double.NaN, 240, 640, 480)));
        row("Pinhole intrinsics height negative", "Resolution.height", "-480.0", r -> r.log("cam", Pinhole.fromIntrinsics(500, 500, 320, 240, 640, -480)));
        row("DEPTH16 row stride too small", "AndroidDepth16.rowStrideBytes", "6", r -> r.log("d", AndroidDepth16.depth(
                java.nio.ShortBuffer.allocate(16), 4, 2, 6, AndroidDepth16.Source.CAMERA2)));
        row("DEPTH16 buffer too short", "AndroidDepth16.samples", "7 shorts", r -> r.log("d", AndroidDepth16.depth(
                java.nio.ShortBuffer.allocate(7), 4, 2, 8, AndroidDepth16.Source.ARCORE)));
        row("Pinhole fov zero", "Pinhole.fovY", "0.0", r -> r.log("cam", Pinhole.fromFovAndAspectRatio(0, 1.5f)));
        row("Pinhole fov pi", "Pinhole.fovY", "3.14", r -> r.log("cam", Pinhole.fromFovAndAspectRatio((float) Math.PI, 1.5f)));
        row("Pinhole aspect NaN", "Pinhole.aspectRatio", "NaN", r -> r.log("cam", Pinhole.fromFovAndAspectRatio(1, Float.NaN)));
        row("Pinhole principal point inf", "Pinhole.principalPoint.y", "Infinity", r -> r.log("cam", Pinhole.fromImageFromCamera(K).withPrincipalPoint(1, Float.POSITIVE_INFINITY)));
        row("Pinhole blank child frame", "Pinhole.childFrame", "\" \"", r -> r.log("cam", Pinhole.fromImageFromCamera(K).withChildFrame(" ")));
        row("Pinhole empty parent frame", "Pinhole.parentFrame", "\"\"", r -> r.log("cam", Pinhole.fromImageFromCamera(K).withParentFrame("")));
        row("Pinhole image plane distance zero", "Pinhole.imagePlaneDistance", "0.0", r -> r.log("cam", Pinhole.fromImageFromCamera(K).withImagePlaneDistance(0.0)));
        row("Pinhole image plane distance NaN", "Pinhole.imagePlaneDistance", "NaN", r -> r.log("cam", Pinhole.fromImageFromCamera(K).withImagePlaneDistance(Double.NaN)));
        row("Pinhole line width inf", "Pinhole.lineWidth", "Infinity", r -> r.log("cam", Pinhole.fromImageFromCamera(K).withLineWidth(Double.POSITIVE_INFINITY)));
        // ---- archetypes: Transform3D ----
        row("Transform3D NaN translation", "Vec3D.x", "NaN", r -> r.log("t", Transform3D.fromTranslation(Float.NaN, 0, 0)));
        row("Transform3D null translation", "Transform3D.translation", "null", r -> r.log("t", Transform3D.fromTranslation(null)));
        row("Transform3D null quaternion", "Transform3D.quaternion", "null", r -> r.log("t", Transform3D.fromRotation((Quaternion) null)));
        row("Transform3D null axis angle", "Transform3D.rotationAxisAngle", "null", r -> r.log("t", Transform3D.fromRotation((RotationAxisAngle) null)));
        row("Transform3D null mat3x3", "Transform3D.mat3x3", "null", r -> r.log("t", Transform3D.fromMat3x3(null)));
        row("Transform3D NaN mat3x3", "Transform3D.mat3x3", "NaN", r -> r.log("t", Transform3D.fromMat3x3(Mat3x3.IDENTITY.with(2, 2, Float.NaN))));
        row("Transform3D singular mat3x3", "Transform3D.mat3x3", "0.0", r -> r.log("t", Transform3D.fromMat3x3(Mat3x3.diagonal(1, 0, 1))));
        row("Transform3D zero scale", "Transform3D.scale", "0.0", r -> r.log("t", Transform3D.fromScale(0)));
        row("Transform3D NaN scale", "Vec3D.z", "NaN", r -> r.log("t", Transform3D.fromScale(1, 1, Float.NaN)));
        row("Transform3D blank child frame", "Transform3D.childFrame", "\"\"", r -> r.log("t", Transform3D.IDENTITY.withChildFrame("")));
        row("Transform3D blank parent frame", "Transform3D.parentFrame", "\"\t\"", r -> r.log("t", Transform3D.IDENTITY.withParentFrame("\t")));
        // ---- archetypes: ViewCoordinates ----
        row("ViewCoordinates repeated axis", "ViewCoordinates", "RRF", r -> r.logStatic("w", ViewCoordinates.fromName("RRF")));
        row("ViewCoordinates unknown name", "ViewDir.letter", "'X'", r -> r.logStatic("w", ViewCoordinates.fromName("XYZ")));
        row("ViewCoordinates null name", "ViewCoordinates.name", "null", r -> r.logStatic("w", ViewCoordinates.fromName(null)));
        row("ViewCoordinates unknown code", "ViewDir.code", "9", r -> r.logStatic("w", ViewCoordinates.fromCodes(1, 2, 9)));
        row("ViewCoordinates null axis", "ViewCoordinates.z", "null", r -> r.logStatic("w", new ViewCoordinates(ViewDir.UP, ViewDir.RIGHT, null)));
        row("ViewCoordinates opposite axes", "ViewCoordinates", "UD", r -> r.logStatic("w", new ViewCoordinates(ViewDir.UP, ViewDir.DOWN, ViewDir.FORWARD)));
        // ---- RecordingStream.log / logStatic ----
        row("log null archetype", "archetype", "null", r -> r.log("x", null));
        row("logStatic null archetype", "archetype", "null", r -> r.logStatic("x", null));
        row("log null String path", "entityPath", "null", r -> r.log((String) null, ok()));
        row("log null EntityPath", "entityPath", "null", r -> r.log((EntityPath) null, ok()));
        row("logStatic null String path", "entityPath", "null", r -> r.logStatic((String) null, ok()));
        row("logStatic null EntityPath", "entityPath", "null", r -> r.logStatic((EntityPath) null, ok()));
        // ---- RecordingStream.setTime* ----
        row("setTimeSequence empty", "timeline", "", r -> r.setTimeSequence("", 1));
        row("setTimeSequence blank", "timeline", "   ", r -> r.setTimeSequence("   ", 1));
        row("setTimeSequence null", "timeline", "null", r -> r.setTimeSequence(null, 1));
        row("setTimestampNanos blank", "timeline", " \t", r -> r.setTimestampNanos(" \t", 1));
        row("setDurationNanos empty", "timeline", "", r -> r.setDurationNanos("", 1));
        row("setTimestamp null instant", "time of t", "null", r -> r.setTimestamp("t", null));
        row("setDuration null", "time of t", "null", r -> r.setDuration("t", null));
        row("setTimestamp after 2262", "time of t", "3000-01-01T00:00:00Z",
                r -> r.setTimestamp("t", java.time.Instant.parse("3000-01-01T00:00:00Z")));
        row("setTimestamp 1 ns after the last", "time of t", "2262-04-11T23:47:16.854775808Z",
                r -> r.setTimestamp("t", java.time.Instant.parse("2262-04-11T23:47:16.854775808Z")));
        row("setTimestamp before 1677", "time of t", "1600-01-01T00:00:00Z",
                r -> r.setTimestamp("t", java.time.Instant.parse("1600-01-01T00:00:00Z")));
        row("setDuration 300 years", "time of t", "PT2629800H",
                r -> r.setDuration("t", java.time.Duration.ofDays(365L * 300 + 75)));
        row("disableTimeline empty", "timeline", "", r -> r.disableTimeline(""));
        row("disableTimeline null", "timeline", "null", r -> r.disableTimeline(null));
        row("setTimeSequence MIN_VALUE", "time of frame", "-9223372036854775808", r -> r.setTimeSequence("frame", Long.MIN_VALUE));
        row("setTimestampNanos MIN_VALUE", "time of frame", "-9223372036854775808", r -> r.setTimestampNanos("frame", Long.MIN_VALUE));
        row("setDurationNanos MIN_VALUE", "time of frame", "-9223372036854775808", r -> r.setDurationNanos("frame", Long.MIN_VALUE));
        row("log_tick retyped", "timeline", "log_tick", r -> r.setTimestampNanos("log_tick", 5));
        row("log_time retyped", "timeline", "log_time", r -> r.setTimeSequence("log_time", 5));
        // ---- RecordingStream.builder: application ids Rerun 0.36 rejects, and the other options ----
        row("applicationId null", "applicationId", "null", r -> RecordingStream.builder(null));
        row("applicationId empty", "applicationId", "", r -> RecordingStream.builder(""));
        row("applicationId dot", "applicationId", ".", r -> RecordingStream.builder("."));
        row("applicationId dotted", "applicationId", "a.b", r -> RecordingStream.builder("a.b"));
        row("applicationId space", "applicationId", "has space", r -> RecordingStream.builder("has space"));
        row("applicationId slash", "applicationId", "slash/", r -> RecordingStream.builder("slash/"));
        row("applicationId non-ASCII", "applicationId", "café", r -> RecordingStream.builder("café"));
        row("applicationId 181 bytes", "applicationId", "x".repeat(181), r -> RecordingStream.builder("x".repeat(181)));
        row("applicationId 90 two-byte chars", "applicationId", "é", r -> RecordingStream.builder("é".repeat(90)));
        row("recordingId empty", "recordingId", "", r -> RecordingStream.builder("ok").recordingId(""));
        row("recordingId null", "recordingId", "null", r -> RecordingStream.builder("ok").recordingId(null));
        row("batching null", "batching", "null", r -> RecordingStream.builder("ok").batching(null));
        row("sink null", "sink", "null", r -> RecordingStream.builder("ok").sink(null));
        row("saveTo null", "path", "null", r -> RecordingStream.builder("ok").saveTo(null));
        row("BatcherConfig negative interval", "BatcherConfig.flushInterval", "-", r -> new BatcherConfig(java.time.Duration.ofMillis(-1), 0, 1));
        row("BatcherConfig null interval", "BatcherConfig.flushInterval", "null", r -> new BatcherConfig(null, 0, 1));
        row("BatcherConfig 300-year interval", "BatcherConfig.flushInterval", "PT2629800H",
                r -> RecordingStream.builder("x").batching(BatcherConfig.DEFAULT.withFlushInterval(java.time.Duration.ofDays(365L * 300 + 75))));
        row("BatcherConfig negative bytes", "BatcherConfig.flushBytes", "-1", r -> BatcherConfig.DEFAULT.withFlushBytes(-1));
        row("BatcherConfig zero rows", "BatcherConfig.maxRowsPerChunk", "0", r -> BatcherConfig.DEFAULT.withMaxRowsPerChunk(0));
    }

    static Stream<Arguments> rows() {
        return ROWS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputIsRejectedWithAnInvalidArgumentNamingFieldValueAndExpectation(Row row) {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("bad_input_table").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimeSequence("frame", 7);
            int before = sink.messages().size();

            Throwable thrown = catchThrowable(() -> row.call().accept(rec));

            assertThat(thrown).as(row.name()).isExactlyInstanceOf(InvalidArgumentException.class);
            InvalidArgumentException e = (InvalidArgumentException) thrown;
            assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(row.field());
            assertThat(e.value()).as("value of: %s", e.getMessage()).contains(row.value());
            assertThat(e.expected()).as("expectation of: %s", e.getMessage()).isNotBlank();
            assertThat(e.getMessage()).startsWith(row.field() + ": got ").contains(e.value()).endsWith(e.expected());

            rec.flush();
            assertThat(sink.messages()).as("nothing reached the sink").hasSize(before);

            rec.log("cam/depth", DepthImage.fromU16(new short[] {1, 2, 3, 4, 5, 6}, 3, 2));
            rec.flush();
            assertThat(sink.messages()).as("the same stream still logs").hasSize(before + 1);
        }
    }

    /** The table covers what it claims: guard against rows silently going missing. */
    @org.junit.jupiter.api.Test
    void tableIsLarge() {
        assertThat(ROWS).hasSizeGreaterThan(150);
        assertThat(ROWS.stream().map(Row::name).distinct().count()).isEqualTo(ROWS.size());
    }
}
