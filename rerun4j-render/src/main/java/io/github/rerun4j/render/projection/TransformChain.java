package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.EntityPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Composes the entity hierarchy's transforms (docs/semantics.md §5.2, rrd-format §4.5).
 *
 * <p>The root {@code /} is the world. A Transform3D on an entity maps that entity's space into its
 * parent's, so {@code worldFromEntity("/a/b") = T(/a) * T(/a/b)}. A depth cloud uses the nearest Pinhole at
 * or above the depth entity; its world placement includes every transform down to <em>and including</em>
 * the pinhole entity, while transforms between the pinhole and the depth image are ignored (they only
 * place the image in 2D).
 *
 * <pre>{@code
 * TransformChain chain = new TransformChain(lookup);
 * PinholeCamera cam = chain.cameraFor("world/camera/depth").orElseThrow();
 * PointCloud cloud = BackProjection.project(depth, cam, 0, 65535);
 * }</pre>
 *
 * <p>Not modelled: explicit {@code child_frame}/{@code parent_frame} ids (entity-derived frames only),
 * and pinholes nested under other pinholes (Rerun reports those clouds as disconnected from the 3D view).
 */
public final class TransformChain {

    private final TransformLookup lookup;
    private Optional<List<EntityPath>> entitiesWithData; // asked of the lookup once, on first need

    /** A chain that asks {@code lookup} for each entity's components. */
    public TransformChain(TransformLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * World from the space of {@code entityPath} (any accepted spelling, e.g. {@code "world/camera"}):
     * the product of every Transform3D from the top-level ancestor down to the entity itself. Pinholes on
     * the way are not applied (this is pure 3D composition; use {@link #cameraFor} for depth clouds).
     */
    public Affine3 worldFromEntity(String entityPath) {
        return worldFrom(EntityPath.parse(entityPath));
    }

    /**
     * The space of a 3D view with origin {@code viewOrigin} from the space of {@code entityPath}:
     * {@code inverse(worldFromEntity(viewOrigin)) * worldFromEntity(entityPath)}.
     */
    public Affine3 viewFromEntity(String viewOrigin, String entityPath) {
        return worldFromEntity(viewOrigin).inverse().multiply(worldFromEntity(entityPath));
    }

    /**
     * The camera of a depth image: the nearest entity at or above {@code depthEntity} that has a Pinhole,
     * with its world placement and camera axes; empty if there is none (Rerun then draws no cloud).
     */
    public Optional<PinholeCamera> cameraFor(String depthEntity) {
        for (EntityPath path : atOrAbove(EntityPath.parse(depthEntity))) {
            String key = path.toString();
            Optional<Pinhole> pinhole = lookup.pinholeAt(key);
            if (pinhole.isPresent()) {
                Pinhole p = pinhole.get();
                ViewCoordinates xyz = p.cameraXyz() != null ? p.cameraXyz()
                        : lookup.viewCoordinatesAt(key).orElse(ViewCoordinates.RDF);
                return Optional.of(new PinholeCamera(key, p, xyz, worldFrom(path)));
            }
        }
        return Optional.empty();
    }

    private Affine3 worldFrom(EntityPath path) {
        // Walk leaf to root, pre-multiplying: world = T(a) * T(a/b) * ... * T(leaf).
        Affine3 result = Affine3.IDENTITY;
        for (EntityPath p : atOrAbove(path)) {
            Optional<Affine3> t = lookup.transformAt(p.toString()).map(Affine3::fromTransform3D);
            if (t.isPresent()) {
                result = t.get().multiply(result);
            }
        }
        return result;
    }

    /**
     * The entities at or above {@code path} that may carry a component, deepest first, the root excluded:
     * those with data when the lookup knows them (cost: entities x depth), else every ancestor.
     */
    private List<EntityPath> atOrAbove(EntityPath path) {
        if (entitiesWithData == null) {
            entitiesWithData = lookup.entitiesWithData();
        }
        List<EntityPath> out = new ArrayList<>();
        if (entitiesWithData.isPresent()) {
            for (EntityPath e : entitiesWithData.get()) {
                if (!e.isRoot() && path.startsWith(e)) {
                    out.add(e);
                }
            }
            out.sort(Comparator.comparingInt((EntityPath e) -> e.parts().size()).reversed());
            return out;
        }
        for (EntityPath p = path; !p.isRoot(); p = p.parent().orElseThrow()) {
            out.add(p);
        }
        return out;
    }
}
