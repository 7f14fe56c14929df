package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No NaN or infinity reaches the page as a string in a numeric field: they are null. */
class FiniteNumbersTest {

    record Numbers(float f, double d, Float boxed, float[] fs, double[] ds, Double fine) {
    }

    @TempDir
    Path dir;

    @Test
    void nonFiniteNumbersAreNullInFieldsAndArrays() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(FiniteNumbers.module());

        String json = mapper.writeValueAsString(new Numbers(Float.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                new float[] {1.5f, Float.NaN}, new double[] {Double.NaN, 0.1}, 2.0));

        assertThat(json).isEqualTo("{\"f\":null,\"d\":null,\"boxed\":null,\"fs\":[1.5,null],\"ds\":[null,0.1],\"fine\":2.0}");
    }

    @Test
    void theHoverOfANanPixelHasANullDepth() throws Exception {
        Path file = dir.resolve("nan.rrd");
        try (RecordingStream rec = RecordingStream.builder("nan").defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("cam/depth", DepthImage.fromF32(new float[] {Float.NaN, 1f}, 2, 1));
        }
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String base = viewer.url() + "api/recordings/" + viewer.hub().recordings().get(0).key();

            RawHttp.Response hover = RawHttp.get(base + "/hover?entity=/cam/depth&timeline=frame&x=0&y=0");

            assertThat(hover.status()).isEqualTo(200);
            assertThat(hover.body()).contains("\"depthMetres\":null").doesNotContain("\"NaN\"").doesNotContain("Infinity\"");
        }
    }
}
