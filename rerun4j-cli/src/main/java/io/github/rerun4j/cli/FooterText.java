package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * {@code print --footers}: the footer Rerun and rerun4j write at the end of a file (one manifest per store, a
 * row per chunk: entity, where its payload lies, its time ranges), or why there is none. A footer that is there
 * but damaged is a warning on stderr: the messages before it are what the file holds, and were read as usual.
 */
final class FooterText {

    private FooterText() {
    }

    static void write(Path file, PrintWriter out, PrintWriter err) throws IOException {
        boolean trailer;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            trailer = RrdFooter.hasTrailer(channel);
        }
        if (!trailer) {
            out.println("footer: none (the file ends without Rerun's footer trailer; readers scan it)");
            return;
        }
        List<RrdManifest> manifests;
        try {
            manifests = RrdFooter.read(file);
        } catch (IOException e) {
            out.println("footer: damaged, ignored (readers scan the file instead)");
            err.println("rerun4j: warning: " + file + ": footer ignored: " + e.getMessage());
            return;
        }
        out.println("footer: " + manifests.size() + (manifests.size() == 1 ? " manifest" : " manifests") + " (checksum ok)");
        for (RrdManifest m : manifests) {
            out.println("  store " + m.storeId().kind().name().toLowerCase() + " " + m.storeId().recordingId() + " ("
                    + m.storeId().applicationId() + "): " + m.chunks().size() + " chunks, " + m.fields().size() + " columns");
            for (RrdManifest.Entry e : m.chunks()) {
                StringBuilder line = new StringBuilder("    chunk ").append(e.chunkId()).append(' ').append(e.entityPath())
                        .append(e.isStatic() ? " static" : "").append(", ").append(e.numRows()).append(e.numRows() == 1 ? " row" : " rows")
                        .append(", bytes ").append(e.byteOffset()).append("..").append(e.byteOffset() + e.byteSize())
                        .append(" (Arrow IPC ").append(e.byteSizeUncompressed()).append(')');
                for (Map.Entry<String, RrdManifest.TimeRange> t : e.timeRanges().entrySet()) {
                    line.append(", ").append(t.getKey()).append(' ').append(t.getValue().min()).append("..").append(t.getValue().max());
                }
                out.println(line);
            }
        }
    }
}
