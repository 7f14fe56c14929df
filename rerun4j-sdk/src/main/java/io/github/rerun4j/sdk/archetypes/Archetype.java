package io.github.rerun4j.sdk.archetypes;

/**
 * A Rerun archetype: a bundle of components logged together on one entity.
 *
 * <pre>{@code
 * Archetype a = ViewCoordinates.RDF;
 * a.archetypeName();   // "rerun.archetypes.ViewCoordinates"
 * }</pre>
 */
public interface Archetype {

    /** Fully qualified Rerun name, e.g. {@code "rerun.archetypes.DepthImage"}. */
    String archetypeName();

    /** Short name used in component identifiers ({@code "DepthImage"} in {@code "DepthImage:meter"}). */
    default String shortName() {
        String name = archetypeName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
