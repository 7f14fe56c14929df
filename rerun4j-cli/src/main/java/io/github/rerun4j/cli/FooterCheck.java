package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify}'s check of Rerun's footer (End message, manifests, trailer) against what the scan of the messages
 * found. Readers that trust a footer (Rerun's lazy open, rerun4j's Spark source) skip chunks by it, so a footer
 * that fails its checksum, does not decode, points past its stream or lists other chunks than the file holds is
 * damage: each is a problem at the trailer's offset. A file without a footer (a crash, a file being written) has
 * nothing to check, and so has a file of several concatenated streams: the footer at its end belongs to the last
 * stream and counts from that stream's start.
 */
final class FooterCheck {

    private FooterCheck() {
    }

    static List<RecordingSummary.Problem> problems(Path file, RecordingSummary scanned) throws IOException {
        if (scanned.streams().size() != 1) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!RrdFooter.hasTrailer(channel)) {
                return List.of();
            }
            long size = channel.size();
            long at = size - RrdFooter.TRAILER_BYTES;
            List<RrdManifest> manifests;
            try {
                manifests = RrdFooter.read(channel);
            } catch (IOException e) {
                return List.of(new RecordingSummary.Problem(at, "footer: " + e.getMessage()
                        + " (readers ignore it and scan the file)", e));
            }
            Map<StoreId, Integer> chunks = new HashMap<>();
            scanned.stores().forEach(s -> chunks.put(s.id(), s.chunkCount()));
            List<RecordingSummary.Problem> problems = new ArrayList<>();
            for (RrdManifest m : manifests) {
                Integer held = chunks.remove(m.storeId());
                if (held == null || held != m.chunks().size()) {
                    problems.add(new RecordingSummary.Problem(at, "footer: the manifest of recording "
                            + m.storeId().recordingId() + " lists " + m.chunks().size() + " chunks, the file holds "
                            + (held == null ? 0 : held), null));
                }
                for (RrdManifest.Entry e : m.chunks()) {
                    if (e.byteOffset() < 0 || e.byteSize() < 0 || e.byteOffset() + e.byteSize() > at) {
                        problems.add(new RecordingSummary.Problem(at, "footer: chunk " + e.chunkId() + " of "
                                + e.entityPath() + " is listed at bytes " + e.byteOffset() + ".." + (e.byteOffset()
                                + e.byteSize()) + ", outside the " + at + " bytes before the trailer", null));
                        break;
                    }
                }
            }
            chunks.forEach((store, held) -> {
                if (held > 0) {
                    problems.add(new RecordingSummary.Problem(at, "footer: no manifest for recording "
                            + store.recordingId() + " (" + held + " chunks)", null));
                }
            });
            return problems;
        }
    }
}
