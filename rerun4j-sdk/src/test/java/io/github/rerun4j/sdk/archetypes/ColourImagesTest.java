package io.github.rerun4j.sdk.archetypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.RgbdFixtures;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.encoding.GreyPng;
import io.github.rerun4j.sdk.encoding.Rvl;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ColorModel;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.PixelFormat;
import io.github.rerun4j.sdk.types.ValueRange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Image, EncodedImage and EncodedDepthImage: factories, validation with clear messages, read back. */
class ColourImagesTest {

    // ---- Image ----------------------------------------------------------------------------------------------------

    @Test
    void factoriesWriteTheColourModelAndDatatype() {
        assertThat(Image.fromRgb8(new byte[6], 2, 1).format()).isEqualTo(ImageFormat.of(2, 1, ColorModel.RGB, ChannelDatatype.U8));
        assertThat(Image.fromRgba8(new byte[8], 2, 1).format().colorModel()).isEqualTo(ColorModel.RGBA);
        assertThat(Image.fromBgr8(new byte[6], 2, 1).format().colorModel()).isEqualTo(ColorModel.BGR);
        assertThat(Image.fromBgra8(new byte[8], 2, 1).format().colorModel()).isEqualTo(ColorModel.BGRA);
        assertThat(Image.fromL8(new byte[2], 2, 1).format()).isEqualTo(ImageFormat.of(2, 1, ColorModel.L, ChannelDatatype.U8));
        Image l16 = Image.fromL16(new short[] {0x0102, (short) 0xFFEE}, 2, 1);
        assertThat(l16.format().channelDatatype()).isEqualTo(ChannelDatatype.U16);
        assertThat(l16.buffer().toByteArray()).containsExactly(0x02, 0x01, 0xEE, 0xFF);
        assertThat(Image.fromBytes(new byte[2 * 3 * 4], ImageFormat.of(2, 1, ColorModel.RGB, ChannelDatatype.F32))
                .format().numBytes()).isEqualTo(24);
    }

    @Test
    void packedArgbBecomesRgbaBytes() {
        Image img = Image.fromArgb(new int[] {0xFF112233, 0x80FF0000}, 2, 1);
        assertThat(img.format().colorModel()).isEqualTo(ColorModel.RGBA);
        assertThat(img.buffer().toByteArray()).containsExactly(0x11, 0x22, 0x33, 0xFF, 0xFF, 0x00, 0x00, 0x80);
    }

    @Test
    void everyPixelFormatWithItsExactSize() {
        for (PixelFormat pf : PixelFormat.values()) {
            Image img = Image.fromPixelFormat(new byte[(int) pf.numBytes(8, 4)], 8, 4, pf);
            assertThat(img.format().pixelFormat()).isEqualTo(pf);
            assertThat(img.format().colorModel()).isNull();
        }
        assertThat(PixelFormat.Y_U_V24_FULL_RANGE.numBytes(8, 4)).as("3*W*H, not the SDKs' 4*W*H").isEqualTo(96);
    }

    @Test
    void badImagesNameTheFieldAndTheExpectation() {
        assertThatThrownBy(() -> Image.fromRgb8(new byte[5], 2, 1)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Image.buffer: got 5, expected 6 bytes for RGB U8 2x1");
        assertThatThrownBy(() -> Image.fromArgb(new int[3], 2, 1))
                .hasMessage("Image.buffer: got 3, expected 2 (width*height for RGBA U8 2x1)");
        assertThatThrownBy(() -> Image.fromPixelFormat(new byte[9 * 2 * 2], 9, 2, PixelFormat.YUY2))
                .hasMessageContaining("Image.format: got YUY2 9x2, expected an even width");
        assertThatThrownBy(() -> Image.fromPixelFormat(new byte[8 * 3], 4, 2 * 3, PixelFormat.Y_U_V12_LIMITED_RANGE))
                .hasMessageContaining("a height divisible by 4");
        assertThatThrownBy(() -> Image.fromRgb8(new byte[3], 1, 1).withOpacity(1.5))
                .hasMessage("Image.opacity: got 1.5, expected a value in 0..1");
        assertThatThrownBy(() -> Image.fromRgb8(new byte[3], 1, 1).withDrawOrder(Double.NaN))
                .hasMessageStartingWith("Image.drawOrder: got NaN");
        assertThatThrownBy(() -> Image.fromRgb8(null, 1, 1)).hasMessage("Image.data: got null, expected a non-null value");
    }

    // ---- EncodedImage -----------------------------------------------------------------------------------------------

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};

    @Test
    void encodedImageMediaTypes() {
        assertThat(EncodedImage.of(JPEG).mediaType()).isEqualTo("image/jpeg");
        assertThat(EncodedImage.of(RgbdFixtures.tinyPng()).mediaType()).isEqualTo("image/png");
        assertThat(EncodedImage.jpeg(JPEG).mediaType()).isEqualTo("image/jpeg");
        assertThatThrownBy(() -> EncodedImage.of(JPEG, "image/jpg")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("EncodedImage.mediaType: got \"image/jpg\", expected one of [image/png, image/jpeg]");
        assertThatThrownBy(() -> EncodedImage.of(JPEG, "image/PNG")).hasMessageContaining("matches the string exactly");
        assertThatThrownBy(() -> EncodedImage.png(JPEG))
                .hasMessage("EncodedImage.blob: got 6 bytes starting FF D8 FF E0 00 00, expected a PNG file "
                        + "(starting 89 50 4E 47 0D 0A 1A 0A) for media type image/png");
        assertThatThrownBy(() -> EncodedImage.of(new byte[] {1, 2, 3}))
                .hasMessageContaining("expected a PNG (89 50 4E 47 ...) or JPEG (FF D8 ...) file");
        assertThatThrownBy(() -> EncodedImage.of(new byte[0], "image/png")).hasMessageContaining("got 0 bytes");
    }

    // ---- EncodedDepthImage ------------------------------------------------------------------------------------------

    @Test
    void rvlFactoryWritesMediaTypeAndMeter() {
        EncodedDepthImage d = RgbdFixtures.rvlDepth();
        assertThat(d.mediaType()).isEqualTo("application/rvl");
        assertThat(d.meter()).isEqualTo(1000f);
        assertThat(d.depthRange()).isNull();
        assertThat(d.blob().size()).isEqualTo(36);
        assertThat(d.size()).containsExactly(4, 3);
    }

    @Test
    void decodesToTheEquivalentDepthImage() {
        DepthImage fromRvl = RgbdFixtures.rvlDepth().withColormap(Colormap.MAGMA).decode();
        assertThat(fromRvl.datatype()).as("RVL decodes to f32, as the viewer's R32Float texture").isEqualTo(ChannelDatatype.F32);
        float[] values = new float[12];
        fromRvl.buffer().asByteBuffer().asFloatBuffer().get(values);
        short[] mm = RgbdFixtures.depthMillimetres();
        for (int i = 0; i < 12; i++) {
            assertThat(values[i]).isEqualTo((float) mm[i]);
        }
        assertThat(fromRvl.meter()).isEqualTo(1000f);
        assertThat(fromRvl.colormap()).isEqualTo(Colormap.MAGMA);

        DepthImage fromPng = EncodedDepthImage.png(mm, 4, 3).decode();
        assertThat(fromPng).isEqualTo(DepthImage.fromU16(mm, 4, 3).withMeter(1000));
    }

    @Test
    void oneCallCompressesADepthImageWithItsLook() {
        DepthImage depth = DepthImage.fromU16(RgbdFixtures.depthMillimetres(), 4, 3).withColormap(Colormap.VIRIDIS)
                .withPointFillRatio(0.5);
        for (EncodedDepthImage e : new EncodedDepthImage[] {EncodedDepthImage.rvl(depth), EncodedDepthImage.png(depth)}) {
            assertThat(e.meter()).as("1000 when unset").isEqualTo(1000f);
            assertThat(e.depthRange()).as("the DepthImage's automatic range").isEqualTo(ValueRange.of(0, 2000));
            assertThat(e.colormap()).isEqualTo(Colormap.VIRIDIS);
            assertThat(e.pointFillRatio()).isEqualTo(0.5f);
        }
        assertThat(EncodedDepthImage.rvl(depth.withMeter(500).withDepthRange(1, 9)).depthRange())
                .isEqualTo(ValueRange.of(1, 9));
        assertThatThrownBy(() -> EncodedDepthImage.rvl(DepthImage.fromF32(new float[1], 1, 1)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("EncodedDepthImage.rvl: got a F32 depth image, expected a U16 depth image");
    }

    @Test
    void foreignBlobsAreCheckedByDecodingThem() {
        byte[] rvl = Rvl.encode(RgbdFixtures.depthMillimetres(), 4, 3);
        assertThat(EncodedDepthImage.of(rvl, "application/rvl").meter()).isNull();
        assertThatThrownBy(() -> EncodedDepthImage.of(Arrays.copyOf(rvl, 30), "application/rvl"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("RVL blob: got a stream that ends");
        assertThatThrownBy(() -> EncodedDepthImage.of(rvl, "image/png")).hasMessageStartingWith("PNG blob: got 36 bytes");
        assertThatThrownBy(() -> EncodedDepthImage.of(JPEG, "image/jpeg"))
                .hasMessageStartingWith("EncodedDepthImage.mediaType: got \"image/jpeg\", expected one of [application/rvl, image/png]");
        byte[] png8 = eightBitPng();
        assertThatThrownBy(() -> EncodedDepthImage.of(png8, "image/png"))
                .hasMessageContaining("expected a 16-bit greyscale PNG");
        assertThat(EncodedDepthImage.of(GreyPng.encode16(new short[4], 2, 2), "image/png").size()).containsExactly(2, 2);
    }

    @Test
    void decodingADamagedBlobReadBackIsAClearError() {
        byte[] rvl = Rvl.encode(RgbdFixtures.depthMillimetres(), 4, 3);
        EncodedDepthImage cut = new EncodedDepthImage(io.github.rerun4j.sdk.types.ImageBuffer.of(Arrays.copyOf(rvl, 24)),
                "application/rvl");
        assertThatThrownBy(cut::decode).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("truncated");
        EncodedDepthImage unlabelled = new EncodedDepthImage(io.github.rerun4j.sdk.types.ImageBuffer.of(rvl), null);
        assertThatThrownBy(unlabelled::decode).hasMessageContaining("an RVL blob is never sniffed");
    }

    /** An 8-bit grey PNG (ImageIO: tests only). */
    private static byte[] eightBitPng() {
        try {
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                    "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badEncodedDepthFields() {
        EncodedDepthImage d = RgbdFixtures.rvlDepth();
        assertThatThrownBy(() -> d.withMeter(0)).hasMessageStartingWith("EncodedDepthImage.meter: got 0.0");
        assertThatThrownBy(() -> d.withMeter(1e300)).hasMessageContaining("representable as a float");
        assertThatThrownBy(() -> d.withPointFillRatio(-1)).hasMessageStartingWith("EncodedDepthImage.pointFillRatio");
        assertThatThrownBy(() -> d.withMediaType("application/octet-stream"))
                .hasMessageStartingWith("EncodedDepthImage.mediaType: got \"application/octet-stream\"");
    }

    // ---- read back ------------------------------------------------------------------------------------------------

    @Test
    void allThreeReadBackAsLogged() {
        MemorySink sink = new MemorySink();
        Image image = RgbdFixtures.fullImage();
        EncodedImage encoded = RgbdFixtures.fullEncodedImage();
        EncodedDepthImage depth = RgbdFixtures.fullEncodedDepthImage();
        try (RecordingStream rec = RecordingStream.builder("read_back").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimeSequence("frame", 0);
            rec.log("a", image);
            rec.log("b", encoded);
            rec.log("c", depth);
        }
        var chunks = SdkFixtures.chunks(sink);
        Chunk a = chunks.get(0);
        assertThat(ArchetypeCodec.readImage(a, 0)).contains(image);
        assertThat(ArchetypeCodec.readAll(a, 0)).containsExactly(image);
        assertThat(ArchetypeCodec.readEncodedImage(chunks.get(1), 0)).contains(encoded);
        assertThat(ArchetypeCodec.readEncodedDepthImage(chunks.get(2), 0)).contains(depth);
        assertThat(ArchetypeCodec.readAll(chunks.get(2), 0)).containsExactly(depth);
    }

    @Test
    void nothingOfABadRowIsWritten() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("bad").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            assertThatThrownBy(() -> rec.log("c", EncodedDepthImage.rvl(new short[3], 2, 2)))
                    .isInstanceOf(InvalidArgumentException.class);
        }
        assertThat(SdkFixtures.chunks(sink)).isEmpty();
    }

    @Test
    void toStrings() {
        assertThat(RgbdFixtures.colour().toString()).isEqualTo("Image[format=RGB U8 4x3, buffer=36 bytes]");
        assertThat(RgbdFixtures.rvlDepth().toString())
                .isEqualTo("EncodedDepthImage[mediaType=application/rvl, meter=1000.0, blob=36 bytes]");
        assertThat(ByteBuffer.wrap(RgbdFixtures.rvlDepth().blob().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getInt(12))
                .isEqualTo(4);
    }
}
