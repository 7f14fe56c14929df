package io.github.rerun4j.sdk.types;

import java.util.Optional;

/**
 * Direction of a {@code Transform3D}: whether it maps child-space points into the parent (the default) or
 * the other way round.
 *
 * <pre>{@code
 * TransformRelation.fromCode(2);  // CHILD_FROM_PARENT
 * }</pre>
 */
public enum TransformRelation {
    /** The transform maps points of the entity's space into its parent's space (default). */
    PARENT_FROM_CHILD(1, "ParentFromChild"),
    /** The transform maps parent-space points into the entity's space; the viewer inverts it. */
    CHILD_FROM_PARENT(2, "ChildFromParent");

    private final int code;
    private final String displayName;

    TransformRelation(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The {@code UInt8} wire code. */
    public int code() {
        return code;
    }

    /** Rerun's name, e.g. {@code "ParentFromChild"}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the relation with this wire code; throws {@code InvalidArgumentException} for unknown codes. */
    public static TransformRelation fromCode(int code) {
        return WireCodes.find("TransformRelation.code", values(), TransformRelation::code, code);
    }

    /** Lenient lookup for readers: empty for unknown codes. */
    public static Optional<TransformRelation> tryFromCode(int code) {
        return WireCodes.tryFind(values(), TransformRelation::code, code);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
