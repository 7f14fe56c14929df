package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import java.util.Objects;

/**
 * One component column of one entity in a dataframe: Rerun's dataframe view groups columns by entity and heads
 * each with the archetype's short name above the field name.
 *
 * <pre>{@code
 * DataframeColumn c = page.columns().get(0);
 * c.archetypeName();   // "DepthImage"
 * c.fieldName();       // "buffer"
 * c.allNull();         // true if no row of the whole table (not just the page) holds a value
 * }</pre>
 *
 * @param entityPath the entity (canonical form)
 * @param descriptor the component, e.g. {@code DepthImage:buffer}
 * @param allNull    true when the column exists (a chunk on the timeline carries it) but no row of the table
 *                   has a value in it; Rerun shows such a column's cells as {@code null}
 */
public record DataframeColumn(String entityPath, ComponentDescriptor descriptor, boolean allNull) {

    public DataframeColumn {
        Objects.requireNonNull(entityPath, "DataframeColumn.entityPath");
        Objects.requireNonNull(descriptor, "DataframeColumn.descriptor");
    }

    /** The component identifier, e.g. {@code DepthImage:buffer}. */
    public String component() {
        return descriptor.component();
    }

    /** The archetype's short name ({@code DepthImage}); empty for a component identifier without one. */
    public String archetypeName() {
        String id = descriptor.component();
        int colon = id.indexOf(':');
        return colon < 0 ? "" : id.substring(0, colon);
    }

    /** The field name ({@code buffer}); the whole identifier if it has no archetype prefix. */
    public String fieldName() {
        String id = descriptor.component();
        return id.substring(id.indexOf(':') + 1);
    }
}
