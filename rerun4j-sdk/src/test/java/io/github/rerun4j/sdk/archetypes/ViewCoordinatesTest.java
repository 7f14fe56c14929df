package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.ViewDir;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewCoordinatesTest {

    @Test
    void wireCodesOfTheDocumentedExamples() {
        assertThat(ViewCoordinates.RDF.codes()).containsExactly(3, 2, 5);
        assertThat(ViewCoordinates.RUB.codes()).containsExactly(3, 1, 6);
        assertThat(ViewCoordinates.FLU.codes()).containsExactly(5, 4, 1);
        assertThat(ViewCoordinates.fromCodes(3, 2, 5)).isEqualTo(ViewCoordinates.RDF);
        assertThat(ViewCoordinates.fromName("rdf")).isEqualTo(ViewCoordinates.RDF);
        assertThat(ViewCoordinates.RDF).hasToString("RDF");
        assertThat(ViewCoordinates.RDF.archetypeName()).isEqualTo("rerun.archetypes.ViewCoordinates");
    }

    @Test
    void all48NamedConstantsExistAndMatchTheirName() throws Exception {
        Set<String> seen = new HashSet<>();
        for (Field f : ViewCoordinates.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ViewCoordinates.class && f.getName().length() == 3) {
                ViewCoordinates v = (ViewCoordinates) f.get(null);
                assertThat(v.name()).isEqualTo(f.getName());
                seen.add(f.getName());
            }
        }
        assertThat(seen).hasSize(48).isEqualTo(ViewCoordinates.allNames());
    }

    @Test
    void handedness() {
        assertThat(ViewCoordinates.RDF.isRightHanded()).isTrue();
        assertThat(ViewCoordinates.RUB.isRightHanded()).isTrue();
        assertThat(ViewCoordinates.FLU.isRightHanded()).isTrue();
        assertThat(ViewCoordinates.RUF.isRightHanded()).isFalse();
        assertThat(ViewCoordinates.RIGHT_HAND_X_UP).isEqualTo(ViewCoordinates.URF);
        assertThat(ViewCoordinates.RIGHT_HAND_Y_UP).isEqualTo(ViewCoordinates.RUB);
        assertThat(ViewCoordinates.RIGHT_HAND_Y_DOWN).isEqualTo(ViewCoordinates.RDF);
        assertThat(ViewCoordinates.RIGHT_HAND_Z_UP).isEqualTo(ViewCoordinates.RFU);
        for (ViewCoordinates v : new ViewCoordinates[] {ViewCoordinates.RIGHT_HAND_X_UP, ViewCoordinates.RIGHT_HAND_X_DOWN,
                ViewCoordinates.RIGHT_HAND_Y_UP, ViewCoordinates.RIGHT_HAND_Y_DOWN, ViewCoordinates.RIGHT_HAND_Z_UP,
                ViewCoordinates.RIGHT_HAND_Z_DOWN}) {
            assertThat(v.isRightHanded()).as(v.name()).isTrue();
        }
        for (ViewCoordinates v : new ViewCoordinates[] {ViewCoordinates.LEFT_HAND_X_UP, ViewCoordinates.LEFT_HAND_X_DOWN,
                ViewCoordinates.LEFT_HAND_Y_UP, ViewCoordinates.LEFT_HAND_Y_DOWN, ViewCoordinates.LEFT_HAND_Z_UP,
                ViewCoordinates.LEFT_HAND_Z_DOWN}) {
            assertThat(v.isRightHanded()).as(v.name()).isFalse();
        }
    }

    @Test
    void rejectsRepeatedAxes() {
        assertThatThrownBy(() -> new ViewCoordinates(ViewDir.RIGHT, ViewDir.LEFT, ViewDir.UP))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ViewCoordinates: got RLU")
                .hasMessageContaining("three different axes");
        assertThatThrownBy(() -> ViewCoordinates.fromName("RRF")).hasMessageContaining("got RRF");
        assertThatThrownBy(() -> ViewCoordinates.fromName("RD")).hasMessageContaining("ViewCoordinates.name");
        assertThatThrownBy(() -> ViewCoordinates.fromName("RDX")).hasMessageContaining("ViewDir.letter: got 'X'");
        assertThatThrownBy(() -> ViewCoordinates.fromCodes(3, 2, 0)).hasMessageContaining("ViewDir.code: got 0");
        assertThatThrownBy(() -> new ViewCoordinates(null, ViewDir.UP, ViewDir.BACK)).hasMessageContaining("ViewCoordinates.x: got null");
    }
}
