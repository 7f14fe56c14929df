package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.types.Colormap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public door for reading archetypes back from chunks. */
class ArchetypesTest {

    @Test
    void readsBackWhatWasLogged() {
        MemorySink sink = new MemorySink();
        DepthImage depth = DepthImage.fromU16(new short[] {1, 2, 3, 4, 5, 6}, 3, 2).withMeter(1000)
                .withColormap(Colormap.VIRIDIS);
        Pinhole pinhole = Pinhole.fromFocalLengthAndResolution(2, 3, 2);
        try (RecordingStream rec = RecordingStream.builder("archetypes").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).sink(sink)) {
            rec.log("cam", pinhole);
            rec.log("cam/depth", depth);
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink.messages());
        Chunk cam = chunks.get(0);
        Chunk image = chunks.get(1);

        assertThat(Archetypes.read(image, 0, DepthImage.class)).contains(depth);
        assertThat(Archetypes.read(cam, 0, Pinhole.class)).contains(pinhole);
        assertThat(Archetypes.read(cam, 0, DepthImage.class)).isEmpty();
        assertThat(Archetypes.read(image, 0, Transform3D.class)).isEmpty();
        assertThat(Archetypes.readAll(image, 0)).containsExactly(depth);
    }

    @Test
    void readsBackColourAndEncodedDepth() {
        MemorySink sink = new MemorySink();
        var image = RgbdFixtures.fullImage();
        var encoded = RgbdFixtures.fullEncodedImage();
        var depth = RgbdFixtures.fullEncodedDepthImage();
        try (RecordingStream rec = RecordingStream.builder("archetypes").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).sink(sink)) {
            rec.log("rgb", image);
            rec.log("jpeg", encoded);
            rec.log("depth", depth);
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink.messages());

        assertThat(Archetypes.readAll(chunks.get(0), 0)).containsExactly(image);
        assertThat(Archetypes.readAll(chunks.get(1), 0)).containsExactly(encoded);
        assertThat(Archetypes.readAll(chunks.get(2), 0)).containsExactly(depth);
    }

    @Test
    void aRowOutsideTheChunkIsNamed() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("archetypes").defaultTimelines(false).sink(sink)) {
            rec.log("cam", Pinhole.fromFocalLengthAndResolution(2, 3, 2));
        }
        Chunk cam = SdkFixtures.chunks(sink.messages()).get(0);
        assertThatThrownBy(() -> Archetypes.read(cam, 1, Pinhole.class))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Archetypes.read row: got 1, expected 0 to 0 (the chunk has 1 rows)");
    }
}
