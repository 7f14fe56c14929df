package io.github.rerun4j.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthCloudColor;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.store.ChunkStore;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The colour source of an RGB cloud: the hint, else candidates under the pinhole, siblings first. */
class RgbCloudSourceTest {

    private static ChunkStore store(Consumer<RecordingStream> logging) {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("rgb_source").defaultTimelines(false).sink(sink)) {
            rec.setTimeSequence("frame", 0);
            rec.log("/cam", Pinhole.fromFocalLengthAndResolution(10, 4, 3));
            rec.log("/cam/depth", DepthImage.fromU16(new short[12], 4, 3));
            logging.accept(rec);
        }
        ChunkStore store = new ChunkStore();
        for (LogMessage m : sink.messages()) {
            if (m instanceof LogMessage.ChunkMessage c) {
                store.add(c.chunk());
            }
        }
        return store;
    }

    /** What the fake decoder below makes of any EncodedImage (render decodes no files; the CLI and viewer do). */
    private static final Image DECODED = Image.fromRgb8(new byte[36], 4, 3);

    private static RgbCloudSource.Pairing find(ChunkStore store) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(store, "frame", 0));
        return RgbCloudSource.find(store, "frame", 0, "/cam/depth", "/cam", chain,
                RgbCloudSource.ColourImages.of(store, "frame", 0, encoded -> DECODED));
    }

    private static Image rgb() {
        return Image.fromRgb8(new byte[36], 4, 3);
    }

    @Test
    void siblingsComeBeforeThePinholeAndOthers() {
        RgbCloudSource.Pairing p = find(store(rec -> {
            rec.log("/cam/zz/rgb", rgb());
            rec.log("/cam", rgb());
            rec.log("/cam/rgb", rgb());
            rec.log("/elsewhere", rgb()); // no pinhole above it: never a candidate
        }));
        assertThat(p.status()).isEqualTo(RgbCloudSource.Status.PAIRED);
        assertThat(p.source()).isEqualTo("/cam/rgb");
        assertThat(p.candidates()).containsExactly("/cam/rgb", "/cam", "/cam/zz/rgb");
    }

    @Test
    void theHintWinsAndIsCheckedAgainstThePinhole() {
        RgbCloudSource.Pairing hinted = find(store(rec -> {
            rec.log("/cam/rgb", rgb());
            rec.log("/cam/other", rgb());
            rec.log("/cam/depth", DepthCloudColor.source("/cam/other"));
        }));
        assertThat(hinted.status()).isEqualTo(RgbCloudSource.Status.PAIRED);
        assertThat(hinted.source()).isEqualTo("/cam/other");
        RgbCloudSource.Pairing away = find(store(rec -> {
            rec.log("/elsewhere", rgb());
            rec.log("/cam/depth", DepthCloudColor.source("/elsewhere"));
        }));
        assertThat(away.status()).isEqualTo(RgbCloudSource.Status.HINT_UNDER_ANOTHER_PINHOLE);
        assertThat(away.sourcePinhole()).isNull();
        RgbCloudSource.Pairing none = find(store(rec -> { }));
        assertThat(none.status()).isEqualTo(RgbCloudSource.Status.NONE);
    }

    /** Only the file's signature: render never decodes, the fake decoder answers. */
    @Test
    void anEncodedImageIsACandidateDecodedByTheCallersDecoder() {
        RgbCloudSource.Pairing p = find(store(rec -> rec.log("/cam/png", EncodedImage.png(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))));
        assertThat(p.status()).isEqualTo(RgbCloudSource.Status.PAIRED);
        assertThat(p.source()).isEqualTo("/cam/png");
        assertThat(p.image().value()).isSameAs(DECODED);

        RgbCloudSource.Pairing hinted = find(store(rec -> {
            rec.log("/cam/rgb", rgb());
            rec.log("/cam/jpeg", EncodedImage.jpeg(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
            rec.log("/cam/depth", DepthCloudColor.source("/cam/jpeg"));
        }));
        assertThat(hinted.status()).isEqualTo(RgbCloudSource.Status.PAIRED);
        assertThat(hinted.image().value()).isSameAs(DECODED);
    }
}
