package io.github.rerun4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes 0xAARRGGBB pixels (the render module's packing) as a PNG file. */
final class Png {

    private Png() {
    }

    static void write(Path file, int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw CliException.usage("cannot write " + file + ": no PNG writer");
            }
        } catch (IOException e) {
            throw CliException.usage("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
