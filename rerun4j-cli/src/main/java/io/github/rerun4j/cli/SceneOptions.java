package io.github.rerun4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The FILE, entity and point in time that {@code render}, {@code points} and {@code hover} look at (a picocli mixin). */
final class SceneOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The .rrd file.")
    Path file;

    @Option(names = "--entity", paramLabel = "PATH",
            description = "The depth image's entity path, e.g. world/camera/depth (default: the file's only depth image).")
    String entity;

    @Option(names = "--timeline", paramLabel = "NAME",
            description = "Timeline to query (default: the one Rerun opens on: a timeline you logged before log_time before log_tick, then the most rows; none for static-only data).")
    String timeline;

    @Option(names = "--time", paramLabel = "VALUE",
            description = "Time on the timeline: a number (sequence, or ns), an ISO instant (timestamp) or ISO duration. Default: the latest.")
    String time;
}
