package io.github.rerun4j.io.depth;

import java.nio.ByteBuffer;

/**
 * Copies a file's pixel elements into a little-endian, row-major buffer: swapping each element's bytes when
 * the file is big-endian, transposing when it is column-major (NumPy's Fortran order), flipping rows when it
 * is stored bottom-to-top (PFM). One pass, one copy.
 */
final class ElementCopy {

    /** Where element (x, y) of the image is in the file, in elements from the data's start. */
    enum Order {
        /** Row-major, first row first: {@code y * width + x}. */
        ROWS_TOP_DOWN,
        /** Row-major, last row first (PFM): {@code (height - 1 - y) * width + x}. */
        ROWS_BOTTOM_UP,
        /** Column-major (Fortran): {@code x * height + y}. */
        COLUMNS
    }

    private ElementCopy() {
    }

    static ByteBuffer toLittleEndianRows(byte[] file, int dataOffset, int width, int height, int elementSize,
                                         boolean bigEndian, Order order) {
        ByteBuffer dst = DepthPixels.allocate(width * height * elementSize);
        byte[] out = dst.array();
        if (!bigEndian && order == Order.ROWS_TOP_DOWN) {
            System.arraycopy(file, dataOffset, out, 0, out.length);
            return dst;
        }
        int rowBytes = width * elementSize;
        if (!bigEndian && order == Order.ROWS_BOTTOM_UP) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(file, dataOffset + (height - 1 - y) * rowBytes, out, y * rowBytes, rowBytes);
            }
            return dst;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int src = dataOffset + elementSize * switch (order) {
                    case ROWS_TOP_DOWN -> y * width + x;
                    case ROWS_BOTTOM_UP -> (height - 1 - y) * width + x;
                    case COLUMNS -> x * height + y;
                };
                int d = y * rowBytes + x * elementSize;
                if (bigEndian) {
                    for (int j = 0; j < elementSize; j++) {
                        out[d + j] = file[src + elementSize - 1 - j];
                    }
                } else {
                    System.arraycopy(file, src, out, d, elementSize);
                }
            }
        }
        return dst;
    }
}
