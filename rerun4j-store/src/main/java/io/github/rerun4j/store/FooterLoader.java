package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Opens an {@code .rrd} file by the footer Rerun's writers end it with (0.33 to 0.36 and rerun4j's file sink):
 * instead of reading every message, it reads the footer's manifests, then only the few messages they do not list
 * (store infos, mostly), and announces the listed chunks to the listener ({@link RecordingLoader.Listener#announced}),
 * which puts them in its store to be read when a query needs them ({@link ChunkStore#addPending}). A 20 GB
 * recording is open in the time it takes to read its footer.
 *
 * <p>A footer is only trusted as far as it can be checked cheaply: a missing one means reading message by
 * message, silently (files being written have none), as does a file of several streams joined end to end (its last
 * footer describes its last stream only); one that is damaged, does not decode, or lists chunks outside the file or
 * overlapping the messages between them is not used either, and {@link #open} says why, before anything was
 * announced. A chunk read later that is not the one the footer
 * named is not added, and one whose times disagree with the footer is added with its own times; both are
 * {@link LoadProblem.Kind#FOOTER} problems.
 *
 * <pre>{@code
 * try (FileChannel file = FileChannel.open(path)) {
 *     FooterLoader.Opened opened = FooterLoader.open(file, path.toString(), listener);
 *     if (!opened.used()) {
 *         // read message by message, from the start
 *     }
 * }
 * }</pre>
 */
public final class FooterLoader {

    private static final int STREAM_HEADER_BYTES = 12;
    private static final int MESSAGE_HEADER_BYTES = 16;
    /** What {@link #unlistedMessages} says when an End message comes before the footer's. */
    private static final String SEVERAL_STREAMS = "several streams";

    /**
     * What {@link #open} did.
     *
     * @param used      true if the file was opened by its footer
     * @param resumeAt  where reading message by message goes on (the end of the footer, where a concatenated
     *                  stream could follow), or 0 when the footer was not used
     * @param unusable  why a footer the file has was not used, or null (used, or no footer at all)
     */
    public record Opened(boolean used, long resumeAt, String unusable) {
    }

    private FooterLoader() {
    }

    /**
     * Opens {@code file} by its footer if it has a usable one (see the class comment). {@code file} must stay open
     * while the announced chunks may be read; reads are positioned, so its position is left alone.
     *
     * @param source what problems name (the file's path)
     * @throws IOException only when the file itself cannot be read
     */
    public static Opened open(FileChannel file, String source, RecordingLoader.Listener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        long size = file.size();
        if (!RrdFooter.hasTrailer(file)) {
            return new Opened(false, 0, null);
        }
        List<RrdManifest> manifests;
        try {
            manifests = RrdFooter.read(file);
        } catch (IOException e) {
            if (file.size() != size) {
                throw e;  // the file changed while it was read: not the footer's fault
            }
            if (String.valueOf(e.getMessage()).startsWith("footer trailer points at")) {
                // Most likely files joined end to end (cat a.rrd b.rrd): the last footer counts from its own stream.
                return new Opened(false, 0, null);
            }
            return new Opened(false, 0, "its footer is not usable (" + e.getMessage() + ")");
        }
        long endAt = endMessageOffset(file, size);
        List<RrdManifest.Entry> listed = new ArrayList<>();
        for (RrdManifest manifest : manifests) {
            for (RrdManifest.Entry entry : manifest.chunks()) {
                // A query finds an announced chunk by its components: one the footer says nothing about would be
                // invisible until read.
                boolean described = entry.isStatic() ? !entry.staticComponents().isEmpty() : !entry.componentTimeRanges().isEmpty();
                if (!described && entry.numRows() > 0) {
                    return new Opened(false, 0, "its footer does not say which components the chunk at byte "
                            + entry.byteOffset() + " holds");
                }
            }
            listed.addAll(manifest.chunks());
        }
        listed.sort(Comparator.comparingLong(RrdManifest.Entry::byteOffset));
        List<RrdRecord> unlisted = new ArrayList<>();
        String problem = unlistedMessages(file, listed, endAt, unlisted);
        if (SEVERAL_STREAMS.equals(problem)) {
            return new Opened(false, 0, null);  // a valid file of joined streams: the footer describes the last
        }
        if (problem != null) {
            return new Opened(false, 0, "its footer does not match its messages (" + problem + ")");
        }
        for (RrdRecord record : unlisted) {
            listener.framed(record);
            if (listener.wanted(record)) {
                deliver(record, source, listener, null);
            }
        }
        for (RrdManifest manifest : manifests) {
            listener.announced(manifest, entry -> load(file, entry, manifest.storeId(), source, listener));
        }
        return new Opened(true, size, null);
    }

    /** The End message's offset, from the trailer that {@link RrdFooter#read} has checked. */
    private static long endMessageOffset(FileChannel file, long size) throws IOException {
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (trailer.hasRemaining()) {
            if (file.read(trailer, size - RrdFooter.TRAILER_BYTES + trailer.position()) < 0) {
                throw new IOException("the file shrank while its footer was read");
            }
        }
        return trailer.getLong(0) - MESSAGE_HEADER_BYTES;
    }

    /**
     * Reads the messages between the listed chunks (after the stream header, up to the End message) into
     * {@code out}; returns why the file does not fit its footer, or null.
     */
    private static String unlistedMessages(FileChannel file, List<RrdManifest.Entry> listed, long endAt, List<RrdRecord> out)
            throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(4);
        file.read(magic, 0);
        if (!"RRF2".equals(new String(magic.array(), java.nio.charset.StandardCharsets.ISO_8859_1))) {
            return "no RRF2 stream header at byte 0";
        }
        long at = STREAM_HEADER_BYTES;
        for (int i = 0; i <= listed.size(); i++) {
            long next = i < listed.size() ? listed.get(i).byteOffset() - MESSAGE_HEADER_BYTES : endAt;
            while (at < next) {
                RrdRecord record;
                try {
                    record = RrdReader.messageAt(file, at);
                } catch (RrdFormatException e) {
                    return e.getMessage();
                }
                if (record.message() instanceof RrdMessage.End) {
                    return SEVERAL_STREAMS;
                }
                out.add(record);
                at += record.framedLength();
            }
            if (at != next) {
                return "the message before byte " + next + " ends at byte " + at;
            }
            if (i < listed.size()) {
                at = listed.get(i).byteOffset() + listed.get(i).byteSize();
            }
        }
        return null;
    }

    /** Reads one announced chunk and gives it to the listener, or reports why not. */
    private static void load(FileChannel file, RrdManifest.Entry entry, StoreId store, String source,
                             RecordingLoader.Listener listener) {
        long at = entry.byteOffset() - MESSAGE_HEADER_BYTES;
        try {
            RrdRecord record = RrdReader.messageAt(file, at);
            deliver(record, source, listener, entry);
        } catch (IOException | RuntimeException e) {
            listener.problem(new LoadProblem(source, store, at, at, LoadProblem.Kind.SKIPPED,
                    "the chunk the footer lists at byte " + at + " cannot be read: " + ErrorText.describe(e), e));
        } catch (OutOfMemoryError e) {
            listener.problem(new LoadProblem(source, store, at, at, LoadProblem.Kind.OUT_OF_MEMORY, "out of memory reading "
                    + "the chunk at byte " + at + " (this JVM may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB; give it more with -Xmx)", e));
        }
    }

    /** Decodes {@code record} and hands it on; a chunk the footer announced must be the one it named. */
    private static void deliver(RrdRecord record, String source, RecordingLoader.Listener listener, RrdManifest.Entry announced) {
        LogMessage message;
        try {
            message = LogMessageCodec.decode(record);
        } catch (RrdFormatException e) {
            listener.problem(new LoadProblem(source, null, e.offset(), e.messageOffset(), LoadProblem.Kind.SKIPPED,
                    e.getMessage(), e));
            return;
        }
        if (message == null) {
            return;
        }
        if (announced != null) {
            String disagreement = disagreement(announced, message);
            if (disagreement != null) {
                boolean sameChunk = message instanceof LogMessage.ChunkMessage c && c.chunk().id().equals(announced.chunkId());
                listener.problem(new LoadProblem(source, message.storeId(), record.offset(), record.offset(),
                        LoadProblem.Kind.FOOTER, "the footer disagrees with the message at byte " + record.offset() + ": "
                        + disagreement + (sameChunk ? "; the chunk's own data is used" : "; it was not read"), null));
                if (!sameChunk) {
                    return;
                }
            }
        }
        listener.message(message, record);
    }

    private static String disagreement(RrdManifest.Entry entry, LogMessage message) {
        if (!(message instanceof LogMessage.ChunkMessage chunkMessage)) {
            return "it lists a chunk, the file holds a " + message.getClass().getSimpleName();
        }
        var chunk = chunkMessage.chunk();
        if (!chunk.id().equals(entry.chunkId())) {
            return "it lists chunk " + entry.chunkId() + ", the file holds chunk " + chunk.id();
        }
        if (!chunk.entityPath().equals(entry.entityPath())) {
            return "it lists entity " + entry.entityPath() + ", the chunk is of " + chunk.entityPath();
        }
        for (var t : chunk.timelines()) {
            RrdManifest.TimeRange listed = entry.timeRanges().get(t.timeline().name());
            if (t.length() > 0 && (listed == null || listed.min() != t.min() || listed.max() != t.max())) {
                return "it lists times " + (listed == null ? "none" : listed.min() + ".." + listed.max()) + " on "
                        + t.timeline().name() + ", the chunk's rows are at " + t.min() + ".." + t.max();
            }
        }
        if (entry.timeRanges().size() > chunk.timelines().size()) {
            return "it lists timelines " + entry.timeRanges().keySet() + ", the chunk has "
                    + chunk.timelines().stream().map(t -> t.timeline().name()).toList();
        }
        return null;
    }
}
