package io.github.rerun4j.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthCloudColor;
import io.github.rerun4j.sdk.archetypes.DepthImage;
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

    /** Decodes the stand-in blobs of these tests: "RGB" is a red 4x3 image, anything else does not decode. */
    private static final RgbCloudSource.Decoder DECODER = (entity, encoded) -> {
        java.nio.ByteBuffer blob = encoded.value().blob().asByteBuffer();
        byte[] bytes = new byte[blob.remaining()];
        blob.get(bytes);
        if (!new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("\u0089PNG")) {
            throw new IllegalArgumentException("EncodedImage.blob: not a PNG");
        }
        byte[] red = new byte[36];
        for (int i = 0; i < 36; i += 3) {
            red[i] = (byte) 255;
        }
        return Image.fromRgb8(red, 4, 3);
    };

    private static RgbCloudSource.Pairing find(ChunkStore store) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(store, "frame", 0));
        return RgbCloudSource.find(store, "frame", 0, "/cam/depth", "/cam", chain, DECODER);
    }

    /** Bytes that start like a PNG (enough for the media type to be sniffed) and stand for a red image. */
    private static io.github.rerun4j.sdk.archetypes.EncodedImage png() {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        return io.github.rerun4j.sdk.archetypes.EncodedImage.of(bytes, "image/png");
    }

    @Test
    void anEncodedImageIsACandidateDecodedByTheCallerAndOneThatDoesNotDecodeIsSaidSo() {
        RgbCloudSource.Pairing p = find(store(rec -> rec.log("/cam/rgb", png())));
        assertThat(p.status()).isEqualTo(RgbCloudSource.Status.PAIRED);
        assertThat(p.source()).isEqualTo("/cam/rgb");
        assertThat(p.image().value().buffer().asByteBuffer().get(0)).isEqualTo((byte) 255);
        // An Image of the same entity comes first.
        assertThat(find(store(rec -> {
            rec.log("/cam/rgb", png());
            rec.log("/cam/rgb", rgb());
        })).image().value().buffer().asByteBuffer().get(0)).isZero();

        TransformChain chain = new TransformChain(new StoreTransformLookup(store(rec -> rec.log("/cam/rgb", png())), "frame", 0));
        RgbCloudSource.Pairing failed = RgbCloudSource.find(store(rec -> rec.log("/cam/rgb", png())), "frame", 0,
                "/cam/depth", "/cam", chain, (entity, encoded) -> {
                    throw new IllegalArgumentException("EncodedImage.blob: 10 bytes of image/png, expected a complete file");
                });
        assertThat(failed.status()).isEqualTo(RgbCloudSource.Status.UNDECODABLE);
        assertThat(failed.source()).isEqualTo("/cam/rgb");
        assertThat(failed.problem()).contains("EncodedImage.blob");
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
}
