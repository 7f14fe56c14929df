package io.github.rerun4j.cli;

import io.github.rerun4j.viewer.Viewer;
import picocli.CommandLine.Option;

/** Where and how the viewer is served: {@code --port}, {@code --bind}, {@code --no-browser} (view and demo). */
final class ServeOptions {

    /** Rerun's web viewer port, so habits carry over. */
    static final int DEFAULT_PORT = 9876;

    @Option(names = "--port", paramLabel = "N", description = "Port to serve the viewer on (0: any free port). Default: " + DEFAULT_PORT)
    int port = DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address to listen on. Default: " + Viewer.LOOPBACK + " (this machine only); 0.0.0.0 shares the recordings with the network.")
    String bind = Viewer.LOOPBACK;

    @Option(names = "--no-browser", description = "Do not try to open a browser; just print the address.")
    boolean noBrowser;
}
