package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Single-band TIFF depth through the JDK's own TIFF reader (Java 9+): 32-bit float (SampleFormat 3), 64-bit
 * float, 16-bit unsigned or signed, 8-bit. What that reader cannot decode (a compression it lacks, several
 * bands) is refused as unsupported, naming the reader's reason.
 */
final class TiffDepth {

    private TiffDepth() {
    }

    static DepthImage read(Path file, byte[] bytes) throws FileFormatException {
        if (bytes.length < 8 || !((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M'))) {
            throw new FileFormatException(file, "offset 0 (TIFF byte order)", "expected II or MM, found another file type");
        }
        Raster raster = decode(file, bytes);
        if (raster.getNumBands() != 1) {
            throw new FileFormatException(file, "SamplesPerPixel", "unsupported: expected 1 band (depth), found "
                    + raster.getNumBands());
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        int n = w * h;
        int bits = raster.getSampleModel().getSampleSize(0);
        int type = raster.getDataBuffer().getDataType();
        switch (type) {
            case DataBuffer.TYPE_FLOAT -> {
                ByteBuffer dst = DepthPixels.allocate(n * 4);
                dst.asFloatBuffer().put(raster.getSamples(0, 0, w, h, 0, (float[]) null));
                DepthPixels.infinitiesToNaN(dst, ChannelDatatype.F32);
                return DepthPixels.image(dst, w, h, ChannelDatatype.F32);
            }
            case DataBuffer.TYPE_DOUBLE -> {
                ByteBuffer dst = DepthPixels.allocate(n * 8);
                dst.asDoubleBuffer().put(raster.getSamples(0, 0, w, h, 0, (double[]) null));
                DepthPixels.infinitiesToNaN(dst, ChannelDatatype.F64);
                return DepthPixels.image(dst, w, h, ChannelDatatype.F64);
            }
            case DataBuffer.TYPE_USHORT, DataBuffer.TYPE_SHORT -> {
                ByteBuffer dst = DepthPixels.allocate(n * 2);
                int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
                for (int i = 0; i < n; i++) {
                    dst.putShort(i * 2, (short) samples[i]);
                }
                return DepthPixels.image(dst, w, h, type == DataBuffer.TYPE_SHORT ? ChannelDatatype.I16 : ChannelDatatype.U16);
            }
            case DataBuffer.TYPE_BYTE -> {
                if (bits != 8) {
                    throw new FileFormatException(file, "BitsPerSample", "unsupported: expected 8, 16 or 32, found " + bits);
                }
                ByteBuffer dst = DepthPixels.allocate(n);
                int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
                for (int i = 0; i < n; i++) {
                    dst.put(i, (byte) samples[i]);
                }
                return DepthPixels.image(dst, w, h, ChannelDatatype.U8);
            }
            default -> throw new FileFormatException(file, "SampleFormat/BitsPerSample",
                    "unsupported: expected float32, float64, 16-bit or 8-bit samples, found a " + bits
                            + "-bit sample of Java type " + type);
        }
    }

    private static Raster decode(Path file, byte[] bytes) throws FileFormatException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        if (!readers.hasNext()) {
            throw new FileFormatException(file, "decoder", "unsupported: this JDK has no TIFF reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > (Integer.MAX_VALUE - 16) / 8) {
                throw new FileFormatException(file, "ImageWidth, ImageLength", "expected an image of at most 2 GiB, found "
                        + reader.getWidth(0) + "x" + reader.getHeight(0));
            }
            return reader.read(0).getRaster();
        } catch (FileFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileFormatException(file, "TIFF data", "unsupported or damaged TIFF for the JDK's reader: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            reader.dispose();
        }
    }
}
