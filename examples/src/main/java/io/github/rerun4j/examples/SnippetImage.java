package io.github.rerun4j.examples;

/** The depth image both official snippets log: background 65535, a square of 20000 and a bar of 45000. */
final class SnippetImage {

    static final int WIDTH = 300;
    static final int HEIGHT = 200;

    private SnippetImage() {
    }

    /** Row-major u16 pixels (Java's short holds the unsigned bits). */
    static short[] pixels() {
        short[] depth = new short[WIDTH * HEIGHT];
        java.util.Arrays.fill(depth, (short) 65535);
        fill(depth, 50, 150, 50, 150, 20000);   // rows 50..150, columns 50..150
        fill(depth, 130, 180, 100, 280, 45000); // rows 130..180, columns 100..280
        return depth;
    }

    private static void fill(short[] depth, int row0, int row1, int col0, int col1, int value) {
        for (int y = row0; y < row1; y++) {
            for (int x = col0; x < col1; x++) {
                depth[y * WIDTH + x] = (short) value;
            }
        }
    }
}
