package io.github.rerun4j.io.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.types.ColorModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour frames as the files' own bytes or decoded pixels. */
class ColourReaderTest {

    @TempDir
    Path dir;

    private Path image(String name, String format) throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(2, 1, 0x0000FF);
        Path file = dir.resolve(name);
        ImageIO.write(img, format, file.toFile());
        return file;
    }

    @Test
    void encodedKeepsTheFilesBytesWithTheirMediaType() throws IOException {
        Path png = image("c.png", "png");
        EncodedImage e = ColourReader.encoded(png);
        assertThat(e.mediaType()).isEqualTo("image/png");
        assertThat(e.blob().toByteArray()).isEqualTo(Files.readAllBytes(png));
        assertThat(ColourReader.encoded(image("c.jpg", "jpeg")).mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void decodedGivesRgbPixels() throws IOException {
        // Also the regression of a "closed" error: ImageIO.read(stream) closed the stream a second time.
        // ImageIO decodes an RGB PNG to interleaved BGR bytes: handed over as BGR, not converted.
        Image bgr = ColourReader.decoded(image("d.png", "png"));
        byte[] px = bgr.buffer().toByteArray();
        assertThat(bgr.format().colorModel()).isEqualTo(ColorModel.BGR);
        assertThat(px).hasSize(3 * 2 * 3);
        assertThat(Arrays.copyOfRange(px, 0, 3)).as("red").containsExactly(0, 0, (byte) 255);
        assertThat(Arrays.copyOfRange(px, 15, 18)).as("blue").containsExactly((byte) 255, 0, 0);
        assertThat(ColourReader.decoded(image("d.jpg", "jpeg")).buffer().size()).isEqualTo(18);

        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80102030);
        argb.setRGB(1, 0, 0xFF405060);
        Path rgbaPng = dir.resolve("a.png");
        ImageIO.write(argb, "png", rgbaPng.toFile());
        Image rgba = ColourReader.decoded(rgbaPng);
        assertThat(rgba.format().colorModel()).isEqualTo(ColorModel.RGBA);
        assertThat(rgba.buffer().toByteArray()).containsExactly(0x10, 0x20, 0x30, (byte) 0x80, 0x40, 0x50, 0x60, (byte) 0xFF);

        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 0, 0, 200);
        Path greyPng = dir.resolve("g.png");
        ImageIO.write(grey, "png", greyPng.toFile());
        Image l = ColourReader.decoded(greyPng);
        assertThat(l.format().colorModel()).isEqualTo(ColorModel.L);
        assertThat(l.buffer().toByteArray()).containsExactly(0, (byte) 200);
    }

    @Test
    void refusalsNameTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("t.png"), "not an image at all");
        assertThatThrownBy(() -> ColourReader.encoded(text)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("t.png").hasMessageContaining("offset 0 (magic bytes)")
                .hasMessageContaining("expected a PNG or JPEG file");
        assertThatThrownBy(() -> ColourReader.decoded(text)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("t.png");
        byte[] jpeg = Files.readAllBytes(image("full.jpg", "jpeg"));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, 30));
        assertThatThrownBy(() -> ColourReader.decoded(cut)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("cut.jpg").hasMessageContaining("image data");
    }
}
