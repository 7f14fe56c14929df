package io.github.rerun4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.encoding.GreyPng;
import io.github.rerun4j.sdk.types.Colormap;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image, EncodedImage and EncodedDepthImage read back from a file at a time, optional components joined latest-at. */
class ColourArchetypeQueriesTest {

    private static final short[] MM = {0, 1000, 1000, 2000, 1500, 0, 0, 1500, 500, 999, 1001, 0};

    @Test
    void theThreeArchetypesAtEachFrame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rgbd.rrd");
        byte[] rgb = new byte[4 * 3 * 3];
        rgb[0] = (byte) 255;
        try (RecordingStream rec = RecordingStream.builder("store_colour").saveTo(file)) {
            rec.logStatic("/cam/rgb", Image.fromRgb8(rgb, 4, 3).withOpacity(0.5)); // a static image, never replaced
            rec.setTimeSequence("frame", 0);
            rec.log("/cam/depth", EncodedDepthImage.rvl(MM, 4, 3).withColormap(Colormap.MAGMA));
            rec.log("/cam/png", EncodedImage.png(GreyPng.encode16(MM, 4, 3)));
            rec.setTimeSequence("frame", 3);
            rec.log("/cam/depth", EncodedDepthImage.png(MM, 4, 3));
        }
        ChunkStore store = ChunkStore.load(file);

        Latest<Image> image = ArchetypeQueries.imageAt(store, "/cam/rgb", "frame", 7).orElseThrow();
        assertThat(image.isStatic()).isTrue();
        assertThat(image.value().buffer().get(0)).isEqualTo((byte) 255);
        assertThat(image.value().opacity()).isEqualTo(0.5f);

        assertThat(ArchetypeQueries.encodedDepthImageAt(store, "/cam/depth", "frame", -1)).isEmpty();
        Latest<EncodedDepthImage> at2 = ArchetypeQueries.encodedDepthImageAt(store, "/cam/depth", "frame", 2).orElseThrow();
        assertThat(at2.time()).isEqualTo(OptionalLong.of(0));
        assertThat(at2.value().mediaType()).isEqualTo("application/rvl");
        assertThat(at2.value().meter()).isEqualTo(1000f);
        Latest<EncodedDepthImage> at3 = ArchetypeQueries.encodedDepthImageAt(store, "/cam/depth", "frame", 3).orElseThrow();
        assertThat(at3.value().mediaType()).isEqualTo("image/png");
        assertThat(at3.value().colormap()).as("joined latest-at from frame 0").isEqualTo(Colormap.MAGMA);
        short[] decoded = new short[12];
        at3.value().decode().buffer().asByteBuffer().asShortBuffer().get(decoded);
        assertThat(decoded).containsExactly(MM);

        Latest<EncodedImage> png = ArchetypeQueries.encodedImageAt(store, "/cam/png", "frame", 0).orElseThrow();
        assertThat(png.value().mediaType()).isEqualTo("image/png");
        assertThat(ArchetypeQueries.encodedImageAt(store, "/cam/depth", "frame", 5)).isEmpty();
    }
}
