package io.github.rerun4j.benchmarks;

/** Loads OpenCV's bundled natives (org.openpnp:opencv) once; offline, from the jar. */
final class OpenCv {

    private static boolean loaded;

    private OpenCv() {
    }

    static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }
}
