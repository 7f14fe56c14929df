package io.github.rerun4j.sdk.chunk;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a component column is: its identifier ({@code DepthImage:buffer}), the archetype it belongs to
 * ({@code rerun.archetypes.DepthImage}) and its component type ({@code rerun.components.ImageBuffer}).
 * Archetype and component type may be null in files written by other tools.
 *
 * <pre>{@code
 * var meter = ComponentDescriptor.of("DepthImage", "meter", "DepthMeter");
 * meter.component();   // "DepthImage:meter"
 * }</pre>
 */
public record ComponentDescriptor(@Nullable String archetype, String component, @Nullable String componentType) {

    /** Requires the component identifier; the other two may be absent in files of other tools. */
    public ComponentDescriptor {
        Objects.requireNonNull(component, "ComponentDescriptor.component");
    }

    /** Rerun's naming: {@code <Archetype>:<field>}, {@code rerun.archetypes.<Archetype>}, {@code rerun.components.<Type>}. */
    public static ComponentDescriptor of(String archetypeShortName, String field, String componentTypeShortName) {
        return new ComponentDescriptor("rerun.archetypes." + archetypeShortName, archetypeShortName + ":" + field,
                "rerun.components." + componentTypeShortName);
    }

    @Override
    public String toString() {
        return component + (componentType == null ? "" : " (" + componentType + ")");
    }
}
