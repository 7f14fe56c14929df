package io.github.rerun4j.cli;

/** What to tell a user whose recording does not fit in the Java heap: its size, and how to start with more. */
final class HeapHint {

    private HeapHint() {
    }

    /**
     * E.g. {@code out of memory (Java heap: 64 MB); give Java more: JAVA_OPTS=-Xmx1g ./rerun4j ...}: twice the
     * current heap rounded up to a power of two gigabytes, in the syntax of how the tool was started.
     *
     * @param maxHeapBytes the heap limit now ({@link Runtime#maxMemory()})
     * @param viaScript    true when the launcher script started the JVM (it passes {@code JAVA_OPTS} on)
     * @param launcher     the command that started the tool ({@link Launcher#command()})
     */
    static String message(long maxHeapBytes, boolean viaScript, String launcher) {
        long neededGb = (2 * maxHeapBytes + (1L << 30) - 1) >> 30;
        long suggestedGb = 1;
        while (suggestedGb < neededGb) {
            suggestedGb <<= 1;
        }
        String flag = "-Xmx" + suggestedGb + "g";
        String how = viaScript ? "JAVA_OPTS=" + flag + " " + launcher + " ..."
                : launcher.startsWith("java ") ? "java " + flag + launcher.substring("java".length()) + " ..."
                : "java " + flag + " -jar rerun4j.jar ...";
        return "out of memory (Java heap: " + (maxHeapBytes >> 20) + " MB); give Java more: " + how;
    }
}
