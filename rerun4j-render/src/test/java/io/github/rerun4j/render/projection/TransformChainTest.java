package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.TransformRelation;
import io.github.rerun4j.sdk.types.Vec3D;
import org.junit.jupiter.api.Test;

import static io.github.rerun4j.render.projection.Affine3Test.assertVec;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/semantics.md §5.2: where the pinhole sits in the chain. */
class TransformChainTest {

    @Test
    void snippetHasIdentityCamera() {
        MapLookup lookup = new MapLookup().pinhole("world/camera", Snippet3d.pinhole());
        PinholeCamera cam = new TransformChain(lookup).cameraFor("world/camera/depth").orElseThrow();
        assertThat(cam.entityPath()).isEqualTo("/world/camera");
        assertThat(cam.cameraXyz()).isEqualTo(ViewCoordinates.RDF);
        assertThat(cam.worldFromRdf()).isEqualTo(Affine3.IDENTITY);
    }

    @Test
    void noPinholeNoCamera() {
        assertThat(new TransformChain(new MapLookup()).cameraFor("/world/camera/depth")).isEmpty();
    }

    @Test
    void pinholeOnTheDepthEntityItself() {
        MapLookup lookup = new MapLookup().pinhole("/cam", Snippet3d.pinhole());
        assertThat(new TransformChain(lookup).cameraFor("/cam").orElseThrow().entityPath()).isEqualTo("/cam");
    }

    @Test
    void transformsAboveAndOnThePinholeApplyBelowAreIgnored() {
        MapLookup lookup = new MapLookup()
                .transform("/world", Transform3D.fromTranslation(100, 0, 0))
                .transform("/world/camera", Transform3D.fromTranslation(0, 10, 0))
                .transform("/world/camera/depth", Transform3D.fromTranslation(0, 0, 1000)) // 2D only
                .pinhole("/world/camera", Snippet3d.pinhole());
        TransformChain chain = new TransformChain(lookup);
        PinholeCamera cam = chain.cameraFor("/world/camera/depth").orElseThrow();
        assertVec(cam.worldFromCamera().transformPoint(Vec3.ZERO), 100, 10, 0);
        assertVec(chain.worldFromEntity("world/camera/depth").transformPoint(Vec3.ZERO), 100, 10, 1000);
        assertVec(chain.viewFromEntity("/world", "/world/camera").transformPoint(Vec3.ZERO), 0, 10, 0);
    }

    @Test
    void parentIsAppliedAfterChild() {
        // world rotates 90 deg about z, camera translates +x in world's space: camera origin ends at +y.
        MapLookup lookup = new MapLookup()
                .transform("/world", Transform3D.fromRotation(RotationAxisAngle.ofDegrees(Vec3D.of(0, 0, 1), 90)))
                .transform("/world/camera", Transform3D.fromTranslation(1, 0, 0));
        assertVec(new TransformChain(lookup).worldFromEntity("/world/camera").transformPoint(Vec3.ZERO), 0, 1, 0);
    }

    @Test
    void childFromParentOnTheCameraIsInverted() {
        MapLookup lookup = new MapLookup()
                .transform("/world/camera", Transform3D.fromTranslation(0, 0, 5)
                        .withRelation(TransformRelation.CHILD_FROM_PARENT))
                .pinhole("/world/camera", Snippet3d.pinhole());
        PinholeCamera cam = new TransformChain(lookup).cameraFor("/world/camera/depth").orElseThrow();
        assertVec(cam.worldFromCamera().transformPoint(Vec3.ZERO), 0, 0, -5);
    }

    @Test
    void viewCoordinatesOnPinholeEntityIsTheFallbackForCameraXyz() {
        MapLookup lookup = new MapLookup()
                .pinhole("/cam", Snippet3d.pinhole())
                .viewCoordinates("/cam", ViewCoordinates.RUB);
        PinholeCamera cam = new TransformChain(lookup).cameraFor("/cam/depth").orElseThrow();
        assertThat(cam.cameraXyz()).isEqualTo(ViewCoordinates.RUB);
        // but the Pinhole's own camera_xyz wins
        lookup.pinhole("/cam", Snippet3d.pinhole().withCameraXyz(ViewCoordinates.FLU));
        assertThat(new TransformChain(lookup).cameraFor("/cam/depth").orElseThrow().cameraXyz())
                .isEqualTo(ViewCoordinates.FLU);
    }

    @Test
    void aLookupThatKnowsItsEntitiesGivesTheSameChainAskingOnlyThem() {
        for (MapLookup lookup : new MapLookup[] {new MapLookup(), new MapLookup().knowingEntities()}) {
            lookup.transform("/world", Transform3D.fromTranslation(100, 0, 0))
                    .transform("/world/rig/camera", Transform3D.fromTranslation(0, 10, 0))
                    .transform("/world/rig/camera/a/depth", Transform3D.fromTranslation(0, 0, 1000))
                    .pinhole("/world/rig/camera", Snippet3d.pinhole());
            TransformChain chain = new TransformChain(lookup);

            PinholeCamera cam = chain.cameraFor("/world/rig/camera/a/b/depth").orElseThrow();

            assertThat(cam.entityPath()).isEqualTo("/world/rig/camera");
            assertVec(cam.worldFromCamera().transformPoint(Vec3.ZERO), 100, 10, 0);
            assertVec(chain.worldFromEntity("/world/rig/camera/a/depth").transformPoint(Vec3.ZERO), 100, 10, 1000);
            assertThat(new TransformChain(lookup).cameraFor("/elsewhere/depth")).isEmpty();
        }
        MapLookup knowing = new MapLookup().knowingEntities().pinhole("/world/rig/camera", Snippet3d.pinhole());
        new TransformChain(knowing).cameraFor("/world/rig/camera/a/b/c/depth");
        assertThat(knowing.asked).containsOnly("/world/rig/camera");
    }
}
