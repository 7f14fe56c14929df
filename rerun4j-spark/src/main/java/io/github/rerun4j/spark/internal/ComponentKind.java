package io.github.rerun4j.spark.internal;

import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.internal.codec.ComponentSerializer;
import io.github.rerun4j.sdk.internal.codec.Serializers;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How a component column is typed in Spark. Images' buffers are {@code binary}, their formats a struct
 * ({@link #FORMAT_TYPE}), single-float components ({@code meter}, {@code point_fill_ratio}, {@code draw_order},
 * ...) {@code float}, value ranges a struct of two doubles; every other component (and any of these written with
 * an Arrow type other than the SDK's) is {@code string}: the cell as the dataframe view shows it
 * ({@link io.github.rerun4j.render.dataframe.CellFormat}, plain numbers; lists cut after
 * {@link io.github.rerun4j.render.dataframe.CellFormat#MAX_LIST_ITEMS} items, as the view cuts them).
 */
public enum ComponentKind {
    /** {@code rerun.components.ImageBuffer} / {@code Blob}: the bytes of the row's first instance. */
    BINARY(DataTypes.BinaryType, Serializers.BLOB),
    /** {@code rerun.components.ImageFormat}: {@link #FORMAT_TYPE}. */
    IMAGE_FORMAT(null, Serializers.IMAGE_FORMAT),
    /** A single f32 ({@code DepthMeter}, {@code FillRatio}, {@code DrawOrder}, {@code ImagePlaneDistance}, {@code Opacity}). */
    FLOAT(DataTypes.FloatType, Serializers.FLOAT32),
    /** {@code rerun.components.ValueRange}: {@code struct<min: double, max: double>}. */
    VALUE_RANGE(null, Serializers.VALUE_RANGE),
    /** Anything else: the dataframe view's cell text. */
    TEXT(DataTypes.StringType, null);

    /** An image format: {@code struct<width: int, height: int, channel_datatype, color_model, pixel_format: string>}. */
    public static final StructType FORMAT_TYPE = new StructType(new StructField[] {
        new StructField("width", DataTypes.IntegerType, false, Metadata.empty()),
        new StructField("height", DataTypes.IntegerType, false, Metadata.empty()),
        new StructField("channel_datatype", DataTypes.StringType, true, Metadata.empty()),
        new StructField("color_model", DataTypes.StringType, true, Metadata.empty()),
        new StructField("pixel_format", DataTypes.StringType, true, Metadata.empty()),
    });

    /** A value range: {@code struct<min: double, max: double>}. */
    public static final StructType RANGE_TYPE = new StructType(new StructField[] {
        new StructField("min", DataTypes.DoubleType, false, Metadata.empty()),
        new StructField("max", DataTypes.DoubleType, false, Metadata.empty()),
    });

    private static final Set<String> FLOATS = Set.of("rerun.components.DepthMeter", "rerun.components.FillRatio",
            "rerun.components.DrawOrder", "rerun.components.ImagePlaneDistance", "rerun.components.Opacity");

    private final DataType type;
    private final ComponentSerializer<?> serializer;

    ComponentKind(DataType type, ComponentSerializer<?> serializer) {
        this.type = type;
        this.serializer = serializer;
    }

    /** The Spark type of the column. */
    public DataType sparkType() {
        return this == IMAGE_FORMAT ? FORMAT_TYPE : this == VALUE_RANGE ? RANGE_TYPE : type;
    }

    /** The serializer that reads a cell (null for {@link #TEXT}). */
    public ComponentSerializer<?> serializer() {
        return serializer;
    }

    /** The kind of a component as seen in the files: typed only when every file wrote it as the SDK does. */
    public static ComponentKind of(Seen seen) {
        if (seen.conflicting()) {
            return TEXT;
        }
        String type = seen.descriptor().componentType();
        ComponentKind kind;
        if ("rerun.components.ImageBuffer".equals(type) || "rerun.components.Blob".equals(type)) {
            kind = BINARY;
        } else if ("rerun.components.ImageFormat".equals(type)) {
            kind = IMAGE_FORMAT;
        } else if ("rerun.components.ValueRange".equals(type)) {
            kind = VALUE_RANGE;
        } else if (type != null && FLOATS.contains(type)) {
            kind = FLOAT;
        } else {
            return TEXT;
        }
        return kind.serializer.itemField().equals(seen.itemField()) ? kind : TEXT;
    }

    /**
     * A component as the files carry it.
     *
     * @param descriptor  its descriptor as first seen
     * @param itemField   its Arrow item field as first seen
     * @param conflicting true when some chunk carried it with another component type or Arrow type
     */
    public record Seen(ComponentDescriptor descriptor, Field itemField, boolean conflicting) {
        public Seen {
            Objects.requireNonNull(descriptor, "descriptor");
            Objects.requireNonNull(itemField, "itemField");
        }

        /** The two sightings as one: conflicting when they differ in component type or Arrow type. */
        public Seen merge(Seen other) {
            boolean same = Objects.equals(descriptor.componentType(), other.descriptor.componentType())
                    && itemField.equals(other.itemField);
            return new Seen(descriptor, itemField, conflicting || other.conflicting || !same);
        }
    }
}
