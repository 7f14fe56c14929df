package io.github.rerun4j.sdk.archetypes;

/**
 * A Rerun archetype: a bundle of components logged together on one entity.
 *
 * <p>Sealed: rerun4j writes each archetype's components with their exact Arrow types, so only the archetypes it
 * knows can be logged, and a class of one's own is a compile error rather than a failure at run time. The
 * archetypes of Rerun's depth-image system are {@link DepthImage}, {@link EncodedDepthImage}, {@link Pinhole},
 * {@link Transform3D} and {@link ViewCoordinates}, with the colour images {@link Image} and {@link EncodedImage}.
 * User-defined components (Rerun's {@code AnyValues}) are not supported.
 *
 * <pre>{@code
 * Archetype a = ViewCoordinates.RDF;
 * a.archetypeName();   // "rerun.archetypes.ViewCoordinates"
 * }</pre>
 */
public sealed interface Archetype
        permits DepthImage, EncodedDepthImage, EncodedImage, Image, Pinhole, Transform3D, ViewCoordinates {

    /** Fully qualified Rerun name, e.g. {@code "rerun.archetypes.DepthImage"}. */
    String archetypeName();

    /** Short name used in component identifiers ({@code "DepthImage"} in {@code "DepthImage:meter"}). */
    default String shortName() {
        String name = archetypeName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
