package io.github.rerun4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes 0xAARRGGBB pixels (the render module's packing) as a PNG file. */
final class Png {

    private Png() {
    }

    /** Writes the image through {@link OutputFile}: a failed write leaves no partial PNG under {@code file}. */
    static void write(Path file, int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        // Encode in memory, not through ImageIO's temporary cache files in java.io.tmpdir.
        ImageIO.setUseCache(false);
        OutputFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
