package io.github.rerun4j.sdk.internal.arrow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An Arrow field: name, type, nullability, metadata and child fields, compared exactly
 * (the Rerun viewer ignores a column whose type differs in any of these details).
 *
 * <pre>{@code
 * Field item = Field.of("item", ArrowType.UINT8, false);
 * Field blob = Field.list("item", item, true);   // List<item: non-null UInt8>
 * }</pre>
 */
public record Field(String name, ArrowType type, boolean nullable, Map<String, String> metadata, List<Field> children) {

    public Field {
        Objects.requireNonNull(name, "Field.name");
        Objects.requireNonNull(type, "Field.type");
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** A leaf field without metadata. */
    public static Field of(String name, ArrowType type, boolean nullable) {
        return new Field(name, type, nullable, Map.of(), List.of());
    }

    /** {@code List<child>}. */
    public static Field list(String name, Field child, boolean nullable) {
        return new Field(name, ArrowType.LIST, nullable, Map.of(), List.of(child));
    }

    /** {@code FixedSizeList<child, size>}. */
    public static Field fixedSizeList(String name, int size, Field child, boolean nullable) {
        return new Field(name, new ArrowType.FixedSizeList(size), nullable, Map.of(), List.of(child));
    }

    /** {@code Struct{children}}. */
    public static Field struct(String name, boolean nullable, Field... children) {
        return new Field(name, ArrowType.STRUCT, nullable, Map.of(), List.of(children));
    }

    public Field withName(String newName) {
        return new Field(newName, type, nullable, metadata, children);
    }

    public Field withMetadata(Map<String, String> newMetadata) {
        return new Field(name, type, nullable, newMetadata, children);
    }

    /** The type as one line, e.g. {@code List<item: non-null UInt8>}. */
    public String typeString() {
        if (children.isEmpty()) {
            return type.toString();
        }
        String inner = children.stream()
                .map(c -> c.name + ": " + (c.nullable ? "" : "non-null ") + c.typeString())
                .collect(Collectors.joining(", "));
        return type + "<" + inner + ">";
    }

    @Override
    public String toString() {
        return name + ": " + (nullable ? "" : "non-null ") + typeString() + (metadata.isEmpty() ? "" : " " + metadata);
    }
}
