package io.github.rerun4j.sdk.internal.codec;

import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowBuffer;
import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.Color;
import io.github.rerun4j.sdk.types.ColorModel;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.PixelFormat;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.Resolution;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.ValueRange;
import io.github.rerun4j.sdk.types.Vec3D;
import io.github.rerun4j.sdk.types.ViewDir;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The Arrow datatypes of the components of DepthImage, EncodedDepthImage, Image, EncodedImage, Pinhole,
 * Transform3D and ViewCoordinates,
 * as listed in Rerun 0.33's type definitions.
 */
public final class Serializers {

    private Serializers() {
    }

    private static Field nonNull(String name, ArrowType type) {
        return Field.of(name, type, false);
    }

    /** {@code Float32}: DepthMeter, FillRatio, DrawOrder, ImagePlaneDistance, Radius, Opacity. */
    public static final ComponentSerializer<Float> FLOAT32 = new ComponentSerializer<>() {
        public Field itemField() { return Field.of("item", ArrowType.FLOAT32, true); }
        public ArrowArray encode(List<Float> values) {
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            return ArrowArray.primitive(v.length, ArrowBuffer.ofFloats(v));
        }
        public Float decode(ArrowArray items, int index) {
            return items.isNull(index) ? null : items.values().getFloat(index * 4);
        }
    };

    /** {@code Int64}: Timestamp (ns since the epoch). */
    public static final ComponentSerializer<Long> INT64 = new ComponentSerializer<>() {
        public Field itemField() { return Field.of("item", ArrowType.INT64, true); }
        public ArrowArray encode(List<Long> values) {
            return ArrowArray.primitive(values.size(), ArrowBuffer.ofLongs(values.stream().mapToLong(Long::longValue).toArray()));
        }
        public Long decode(ArrowArray items, int index) {
            return items.isNull(index) ? null : items.values().getLong(index * 8);
        }
    };

    /** {@code UInt32}: Color as 0xRRGGBBAA. */
    public static final ComponentSerializer<Color> COLOR = new ComponentSerializer<>() {
        public Field itemField() { return Field.of("item", ArrowType.UINT32, true); }
        public ArrowArray encode(List<Color> values) {
            return ArrowArray.primitive(values.size(), ArrowBuffer.ofInts(values.stream().mapToInt(Color::rgba).toArray()));
        }
        public Color decode(ArrowArray items, int index) {
            return items.isNull(index) ? null : new Color(items.values().getInt(index * 4));
        }
    };

    /** {@code Utf8}: TransformFrameId, Name, MediaType. */
    public static final ComponentSerializer<String> UTF8 = new ComponentSerializer<>() {
        public Field itemField() { return Field.of("item", ArrowType.UTF8, true); }
        public ArrowArray encode(List<String> values) { return ArrowArray.utf8(values); }
        public String decode(ArrowArray items, int index) { return items.isNull(index) ? null : items.utf8(index); }
    };

    /** A {@code UInt8} enum (Colormap, MagnificationFilter, TransformRelation); unknown codes decode to null. */
    public static <E> ComponentSerializer<E> uint8Enum(ToIntFunction<E> code, IntFunction<E> fromCodeOrNull) {
        return new ComponentSerializer<>() {
            public Field itemField() { return Field.of("item", ArrowType.UINT8, true); }
            public ArrowArray encode(List<E> values) {
                byte[] b = new byte[values.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) code.applyAsInt(values.get(i));
                }
                return ArrowArray.primitive(b.length, ArrowBuffer.of(b));
            }
            public E decode(ArrowArray items, int index) {
                return items.isNull(index) ? null : fromCodeOrNull.apply(Byte.toUnsignedInt(items.values().get(index)));
            }
        };
    }

    /** {@code List<item: non-null UInt8>}: ImageBuffer and Blob. The bytes are referenced, not copied. */
    public static final ComponentSerializer<ImageBuffer> BLOB = new ComponentSerializer<>() {
        public Field itemField() { return Field.list("item", nonNull("item", ArrowType.UINT8), true); }
        public ArrowArray encode(List<ImageBuffer> values) {
            int[] offsets = new int[values.size() + 1];
            List<ArrowBuffer> parts = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                ImageBuffer b = values.get(i);
                offsets[i + 1] = Math.addExact(offsets[i], b.size());
                parts.add(ArrowBuffer.of(b.asByteBuffer()));
            }
            ArrowArray bytes = ArrowArray.primitive(offsets[values.size()], ArrowBuffer.concat(parts));
            return ArrowArray.list(values.size(), null, offsets, bytes);
        }
        public ImageBuffer decode(ArrowArray items, int index) {
            if (items.isNull(index)) {
                return null;
            }
            int start = items.offset(index);
            int end = items.offset(index + 1);
            ByteBuffer all = items.child(0).values();
            // Referenced, not copied: every query of a stored image (the viewer's scene, image, hover) decodes it.
            return ImageBuffer.referencing(all.slice(start, end - start).asReadOnlyBuffer());
        }
        public long estimatedBytes(ImageBuffer value) { return value.size() + 8L; }
    };

    /** {@code Struct(width, height, pixel_format, color_model, channel_datatype)}: ImageFormat. */
    public static final ComponentSerializer<ImageFormat> IMAGE_FORMAT = new ComponentSerializer<>() {
        public Field itemField() {
            return Field.struct("item", true,
                    nonNull("width", ArrowType.UINT32), nonNull("height", ArrowType.UINT32),
                    Field.of("pixel_format", ArrowType.UINT8, true), Field.of("color_model", ArrowType.UINT8, true),
                    Field.of("channel_datatype", ArrowType.UINT8, true));
        }
        public ArrowArray encode(List<ImageFormat> values) {
            int n = values.size();
            return ArrowArray.struct(n, null, List.of(
                    ArrowArray.primitive(n, ArrowBuffer.ofInts(values.stream().mapToInt(ImageFormat::width).toArray())),
                    ArrowArray.primitive(n, ArrowBuffer.ofInts(values.stream().mapToInt(ImageFormat::height).toArray())),
                    optionalCodes(values, f -> f.pixelFormat() == null ? null : f.pixelFormat().code()),
                    optionalCodes(values, f -> f.colorModel() == null ? null : f.colorModel().code()),
                    optionalCodes(values, f -> f.channelDatatype() == null ? null : f.channelDatatype().code())));
        }
        public ImageFormat decode(ArrowArray items, int index) {
            if (items.isNull(index)) {
                return null;
            }
            int width = items.child(0).values().getInt(index * 4);
            int height = items.child(1).values().getInt(index * 4);
            Integer pixel = code(items.child(2), index);
            Integer model = code(items.child(3), index);
            Integer datatype = code(items.child(4), index);
            return new ImageFormat(width, height,
                    pixel == null ? null : PixelFormat.fromCode(pixel),
                    model == null ? null : ColorModel.fromCode(model),
                    datatype == null ? null : ChannelDatatype.fromCode(datatype));
        }
    };

    private static <T> ArrowArray optionalCodes(List<T> values, Function<T, Integer> code) {
        byte[] bytes = new byte[values.size()];
        boolean[] valid = new boolean[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            Integer c = code.apply(values.get(i));
            valid[i] = c != null;
            bytes[i] = c == null ? 0 : (byte) c.intValue();
        }
        return ArrowArray.primitive(bytes.length, valid, ArrowBuffer.of(bytes));
    }

    private static Integer code(ArrowArray array, int index) {
        return array.isNull(index) ? null : Byte.toUnsignedInt(array.values().get(index));
    }

    /** {@code FSL(n × non-null Float32)}. */
    private static <T> ComponentSerializer<T> floatVector(int n, Function<T, float[]> toFloats, Function<float[], T> fromFloats) {
        return new ComponentSerializer<>() {
            public Field itemField() { return Field.fixedSizeList("item", n, nonNull("item", ArrowType.FLOAT32), true); }
            public ArrowArray encode(List<T> values) {
                float[] all = new float[values.size() * n];
                for (int i = 0; i < values.size(); i++) {
                    System.arraycopy(toFloats.apply(values.get(i)), 0, all, i * n, n);
                }
                return ArrowArray.fixedSizeList(values.size(), null, ArrowArray.primitive(all.length, ArrowBuffer.ofFloats(all)));
            }
            public T decode(ArrowArray items, int index) {
                if (items.isNull(index)) {
                    return null;
                }
                float[] v = new float[n];
                items.child(0).values().position(index * n * 4).asFloatBuffer().get(v);
                return fromFloats.apply(v);
            }
        };
    }

    /** PinholeProjection and TransformMat3x3: 9 floats, column-major. */
    public static final ComponentSerializer<Mat3x3> MAT3X3 = floatVector(9, Mat3x3::columnMajor, Mat3x3::new);
    /** Resolution: [width, height]. */
    public static final ComponentSerializer<Resolution> RESOLUTION = floatVector(2,
            r -> new float[] {r.width(), r.height()}, v -> new Resolution(v[0], v[1]));
    /** Translation3D and Scale3D. */
    public static final ComponentSerializer<Vec3D> VEC3 = floatVector(3, Vec3D::toArray, v -> new Vec3D(v[0], v[1], v[2]));
    /** RotationQuat, in x, y, z, w order. */
    public static final ComponentSerializer<Quaternion> QUATERNION = floatVector(4,
            q -> new float[] {q.x(), q.y(), q.z(), q.w()}, v -> new Quaternion(v[0], v[1], v[2], v[3]));

    /** ValueRange: {@code FSL(2 × non-null Float64)}. */
    public static final ComponentSerializer<ValueRange> VALUE_RANGE = new ComponentSerializer<>() {
        public Field itemField() { return Field.fixedSizeList("item", 2, nonNull("item", ArrowType.FLOAT64), true); }
        public ArrowArray encode(List<ValueRange> values) {
            double[] all = new double[values.size() * 2];
            for (int i = 0; i < values.size(); i++) {
                all[2 * i] = values.get(i).min();
                all[2 * i + 1] = values.get(i).max();
            }
            return ArrowArray.fixedSizeList(values.size(), null, ArrowArray.primitive(all.length, ArrowBuffer.ofDoubles(all)));
        }
        public ValueRange decode(ArrowArray items, int index) {
            if (items.isNull(index)) {
                return null;
            }
            ByteBuffer v = items.child(0).values();
            return new ValueRange(v.getDouble(index * 16), v.getDouble(index * 16 + 8));
        }
    };

    /** ViewCoordinates: {@code FSL(3 × non-null UInt8)}, one direction code per axis. */
    public static final ComponentSerializer<ViewCoordinates> VIEW_COORDINATES = new ComponentSerializer<>() {
        public Field itemField() { return Field.fixedSizeList("item", 3, nonNull("item", ArrowType.UINT8), true); }
        public ArrowArray encode(List<ViewCoordinates> values) {
            byte[] all = new byte[values.size() * 3];
            for (int i = 0; i < values.size(); i++) {
                all[3 * i] = (byte) values.get(i).x().code();
                all[3 * i + 1] = (byte) values.get(i).y().code();
                all[3 * i + 2] = (byte) values.get(i).z().code();
            }
            return ArrowArray.fixedSizeList(values.size(), null, ArrowArray.primitive(all.length, ArrowBuffer.of(all)));
        }
        public ViewCoordinates decode(ArrowArray items, int index) {
            if (items.isNull(index)) {
                return null;
            }
            ByteBuffer v = items.child(0).values();
            return new ViewCoordinates(ViewDir.fromCode(Byte.toUnsignedInt(v.get(3 * index))),
                    ViewDir.fromCode(Byte.toUnsignedInt(v.get(3 * index + 1))),
                    ViewDir.fromCode(Byte.toUnsignedInt(v.get(3 * index + 2))));
        }
    };

    /** RotationAxisAngle: {@code Struct(axis: non-null FSL(3 × non-null Float32), angle: non-null Float32)}. */
    public static final ComponentSerializer<RotationAxisAngle> ROTATION_AXIS_ANGLE = new ComponentSerializer<>() {
        public Field itemField() {
            return Field.struct("item", true,
                    Field.fixedSizeList("axis", 3, nonNull("item", ArrowType.FLOAT32), false),
                    nonNull("angle", ArrowType.FLOAT32));
        }
        public ArrowArray encode(List<RotationAxisAngle> values) {
            int n = values.size();
            float[] axes = new float[n * 3];
            float[] angles = new float[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(values.get(i).axis().toArray(), 0, axes, 3 * i, 3);
                angles[i] = values.get(i).angleRadians();
            }
            return ArrowArray.struct(n, null, List.of(
                    ArrowArray.fixedSizeList(n, null, ArrowArray.primitive(3 * n, ArrowBuffer.ofFloats(axes))),
                    ArrowArray.primitive(n, ArrowBuffer.ofFloats(angles))));
        }
        public RotationAxisAngle decode(ArrowArray items, int index) {
            if (items.isNull(index)) {
                return null;
            }
            ByteBuffer axes = items.child(0).child(0).values();
            Vec3D axis = new Vec3D(axes.getFloat(12 * index), axes.getFloat(12 * index + 4), axes.getFloat(12 * index + 8));
            return new RotationAxisAngle(axis, items.child(1).values().getFloat(4 * index));
        }
    };
}
