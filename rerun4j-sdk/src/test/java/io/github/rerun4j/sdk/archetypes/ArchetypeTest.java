package io.github.rerun4j.sdk.archetypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Only the archetypes rerun4j can encode can be logged: a user's own implementation does not compile. */
class ArchetypeTest {

    @Test
    void archetypeIsSealedToTheArchetypesRerun4jEncodes() {
        assertThat(Archetype.class.isSealed()).isTrue();
        assertThat(Arrays.stream(Archetype.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("DepthImage", "EncodedDepthImage", "EncodedImage", "Image", "Pinhole", "Transform3D",
                        "ViewCoordinates");
    }
}
