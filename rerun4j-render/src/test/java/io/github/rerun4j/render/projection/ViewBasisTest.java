package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.ViewDir;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/semantics.md §5.2: from_rdf(camera_xyz) rows are the RDF directions of the camera axes. */
class ViewBasisTest {

    @Test
    void examplesFromTheDoc() {
        Vec3 p = new Vec3(1, 2, 3);
        assertThat(ViewBasis.fromRdf(ViewCoordinates.RDF)).isEqualTo(Affine3.IDENTITY);
        assertThat(ViewBasis.fromRdf(null)).isEqualTo(Affine3.IDENTITY);
        assertThat(ViewBasis.fromRdf(ViewCoordinates.RUB).transformPoint(p)).isEqualTo(new Vec3(1, -2, -3));
        assertThat(ViewBasis.fromRdf(ViewCoordinates.FLU).transformPoint(p)).isEqualTo(new Vec3(3, -1, -2));
    }

    @Test
    void everyBasisIsARotationAndToRdfUndoesIt() {
        for (String name : ViewCoordinates.allNames()) {
            ViewCoordinates vc = ViewCoordinates.fromName(name);
            Affine3 m = ViewBasis.fromRdf(vc);
            assertThat(m.averageScale()).isEqualTo(1.0);
            assertThat(ViewBasis.toRdf(vc).multiply(m).isClose(Affine3.IDENTITY, 0)).isTrue();
            // "forward" of the camera is RDF +z, expressed in the camera's own axes
            assertThat(m.transformVector(new Vec3(0, 0, 1))).isEqualTo(ViewBasis.direction(vc, ViewDir.FORWARD));
        }
    }

    @Test
    void directionInOwnAxes() {
        assertThat(ViewBasis.direction(ViewCoordinates.RFU, ViewDir.UP)).isEqualTo(new Vec3(0, 0, 1));
        assertThat(ViewBasis.direction(ViewCoordinates.RDF, ViewDir.UP)).isEqualTo(new Vec3(0, -1, 0));
        assertThat(ViewBasis.direction(ViewCoordinates.FLU, ViewDir.RIGHT)).isEqualTo(new Vec3(0, -1, 0));
    }
}
