package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.RgbdFixtures;
import io.github.rerun4j.sdk.archetypes.DepthCloudColor;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code points --rgb-clouds} with an {@code EncodedImage} (PNG) colour source: the PLY is byte for byte the one the
 * equivalent raw {@code Image} gives, registered (same Pinhole) and unregistered (the worked example's column C);
 * a PNG that does not decode leaves the colormap, with a warning naming the blob.
 */
class EncodedColourSourceTest {

    @TempDir
    Path dir;

    @Test
    void aPngColourSourceColoursLikeTheRawImage() throws IOException {
        EncodedImage png = EncodedImage.png(png(RgbdFixtures.rgb(), RgbdFixtures.W, RgbdFixtures.H));
        for (boolean unregistered : new boolean[] {false, true}) {
            Path raw = ply(write("raw" + unregistered, RgbdFixtures.colour(), null, unregistered), "raw" + unregistered);
            Path encoded = ply(write("png" + unregistered, null, png, unregistered), "png" + unregistered);
            Path plain = dir.resolve("plain" + unregistered + ".ply");
            assertThat(CliRun.of("points", write("plain" + unregistered, RgbdFixtures.colour(), null, unregistered).toString(),
                    "--out", plain.toString()).exitCode()).isZero();
            assertThat(Files.readAllBytes(encoded)).as("unregistered: %s", unregistered)
                    .isEqualTo(Files.readAllBytes(raw))
                    .isNotEqualTo(Files.readAllBytes(plain)); // the colours are the image's, not the colormap's
        }
    }

    @Test
    void aPngThatDoesNotDecodeLeavesTheColormapWithAWarning() throws IOException {
        Path file = write("broken", null, EncodedImage.png(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3}), false);
        Path out = dir.resolve("broken.ply");
        CliRun run = CliRun.of("points", file.toString(), "--rgb-clouds", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("rerun4j: warning: colour source /world/camera/rgb: its EncodedImage").contains("does not decode")
                .contains("EncodedImage.blob").contains("the points keep their colormap colours");
        Path plain = dir.resolve("broken-plain.ply");
        assertThat(CliRun.of("points", file.toString(), "--out", plain.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(plain));
    }

    private Path ply(Path rrd, String name) {
        Path out = dir.resolve(name + ".ply");
        CliRun run = CliRun.of("points", rrd.toString(), "--rgb-clouds", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return out;
    }

    /** The worked example; the colour as {@code image} or {@code encoded}, under the depth's Pinhole or its own. */
    private Path write(String name, Image image, EncodedImage encoded, boolean unregistered) {
        Path file = dir.resolve(name + ".rrd");
        String colour = unregistered ? "world/rgb_cam/rgb" : "world/camera/rgb";
        try (RecordingStream rec = RecordingStream.builder("cli_encoded_colour").saveTo(file)) {
            rec.logStatic("world/camera", RgbdFixtures.pinhole());
            if (unregistered) {
                rec.logStatic("world/rgb_cam", Transform3D.fromTranslation(0.4f, 0, 0));
                rec.logStatic("world/rgb_cam", RgbdFixtures.pinhole());
            }
            rec.logStatic("world/camera/depth", DepthCloudColor.source(colour));
            rec.setTimeSequence("frame", 0);
            if (image != null) {
                rec.log(colour, image);
            } else {
                rec.log(colour, encoded);
            }
            rec.log("world/camera/depth", RgbdFixtures.rvlDepth());
        }
        return file;
    }

    private static byte[] png(byte[] rgb, int w, int h) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w * h; i++) {
            image.setRGB(i % w, i / w, (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | rgb[3 * i + 2] & 0xFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
