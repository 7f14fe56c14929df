package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Cuts the footer FileSink writes at close off a file: what a crash leaves, for tests about the messages. */
final class WithoutFooter {

    private WithoutFooter() {
    }

    static Path strip(Path file) throws Exception {
        for (RrdRecord r : RrdReader.readAll(file)) {
            if (r.message() instanceof RrdMessage.End) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(r.offset());
                }
                break;
            }
        }
        return file;
    }
}
