package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.image.EffectiveDepthImage;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.render.projection.ViewBasis;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's scene and hover take their semantics from render's single homes: effective fields from
 * {@link EffectiveDepthImage}, the per-pixel point and radius from {@link BackProjection}, framing bounds
 * from the robust box (a few far outliers left out, the frustum always in), the default timeline from the store.
 */
class SceneSemanticsTest {

    private static final int W = 120, H = 80;
    private static final Pinhole PINHOLE = Pinhole.fromFocalLengthAndResolution(100, 130, W, H)
            .withPrincipalPoint(57.5f, 41.25f);

    @TempDir
    static Path dir;
    static Viewer viewer;
    static String rec;
    static ChunkStore store;
    static DepthImage depth;

    @BeforeAll
    static void start() throws Exception {
        short[] mm = new short[W * H];
        for (int i = 0; i < mm.length; i++) {
            mm[i] = (short) (i % 125 == 0 ? 63200 : 2400 + (i % W) * 5); // 0.8% at 79 m (meter 800), rest ~3 m
        }
        depth = DepthImage.fromU16(mm, W, H).withMeter(800);
        Path file = dir.resolve("scene.rrd");
        try (RecordingStream r = RecordingStream.builder("scene_semantics").batching(BatcherConfig.IMMEDIATE)
                .saveTo(file)) {
            r.setTimeSequence("frame", 0);
            r.log("/world/cam", Transform3D.fromTranslation(1, 2, 3));
            r.log("/world/cam", PINHOLE);
            r.log("/world/cam/depth", depth);
        }
        viewer = Viewer.start(Viewer.LOOPBACK, 0);
        viewer.load(file);
        rec = viewer.hub().recordings().get(0).key();
        store = viewer.hub().recordings().get(0).store();
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    @Test
    void effectiveFieldsAndCameraComeFromRender() {
        SceneJson.Scene scene = new SceneQuery(store, "frame", 0).scene("/api");
        SceneJson.DepthImageJson image = scene.depthImages().get(0);
        EffectiveDepthImage e = EffectiveDepthImage.of(depth);
        assertThat(image.effectiveColormap()).isEqualTo(e.colormap().displayName()).isEqualTo("Turbo");
        assertThat(image.effectiveMagnificationFilter()).isEqualTo(e.filter().displayName()).isEqualTo("Nearest");
        assertThat(image.effectivePointFillRatio()).isEqualTo(e.pointFillRatio()).isEqualTo(1f);
        assertThat(image.effectiveDrawOrder()).isEqualTo(e.drawOrder()).isEqualTo(-20f);
        Affine3 worldFromRdf = Affine3.translation(1, 2, 3).multiply(ViewBasis.fromRdf(ViewCoordinates.RDF));
        assertThat(image.camera().radiusPerDepth())
                .isEqualTo(BackProjection.radiusPerDepth(PINHOLE, H, 1f, worldFromRdf));
    }

    @Test
    void boundsFrameTheSceneNotTheOutliersAndHoldTheFrustum() {
        SceneJson.Scene scene = new SceneQuery(store, "frame", 0).scene("/api");
        double[] max = scene.bounds().max();
        double[] min = scene.bounds().min();
        assertThat(max[2]).as("far end of the framed box").isLessThan(3 + 5.0); // plane near z=3..3.7 (+3 offset)
        assertThat(max[2]).isGreaterThan(3 + 3.0);
        assertThat(min[2]).isLessThanOrEqualTo(3.0);                             // the camera origin
        float[] lines = scene.pinholes().get(0).frustumLines();
        for (int i = 0; i < lines.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                assertThat((double) lines[i + a]).isBetween(min[a] - 1e-6, max[a] + 1e-6);
            }
        }
    }

    @Test
    void hoverWorldIsTheDrawnPointAndTheSummaryNamesTheDefaultTimeline() throws Exception {
        Affine3 worldFromRdf = Affine3.translation(1, 2, 3).multiply(ViewBasis.fromRdf(ViewCoordinates.RDF));
        PointCloud cloud = BackProjection.projectRdf(depth, PINHOLE, worldFromRdf, 0, 65535);
        ObjectMapper json = new ObjectMapper();
        for (int[] px : new int[][] {{0, 0}, {57, 41}, {119, 79}, {33, 70}}) {
            RawHttp.Response r = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec
                    + "/hover?entity=/world/cam/depth&timeline=frame&time=0&x=" + px[0] + "&y=" + px[1]).toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<?> world = (List<?>) json.readValue(r.body(), Map.class).get("world");
            int i = cloud.indexOfPixel(px[0], px[1]);
            assertThat(world.stream().map(v -> ((Number) v).floatValue()).toList())
                    .containsExactly(cloud.x(i), cloud.y(i), cloud.z(i));
        }
        RawHttp.Response summary = RawHttp.get(viewer.url().resolve("/api/recordings/" + rec).toString());
        assertThat(json.readValue(summary.body(), Map.class).get("defaultTimeline"))
                .isEqualTo(store.defaultTimeline().orElseThrow()).isEqualTo("frame"); // the logged timeline, as Rerun opens it
    }
}
