package io.github.rerun4j.spark.internal;

import io.github.rerun4j.render.dataframe.CellFormat;
import io.github.rerun4j.render.dataframe.NumberStyle;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.ValueRange;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframePage;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.store.DataframeRow;
import io.github.rerun4j.store.LoadProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.unsafe.types.UTF8String;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one split's dataframe rows: the file through the store's loop (chunks of other splits, and chunks the
 * footer rules out, left undecoded), then each recording's {@link ChunkStore#dataframe} page by page, each row converted to the
 * required columns and kept if it passes the pushed filters; then, in PERMISSIVE mode, one row per problem.
 */
final class RrdPartitionReader implements PartitionReader<InternalRow> {

    private static final Logger LOG = LoggerFactory.getLogger(RrdPartitionReader.class);
    private static final int PAGE = 1024;

    private final FilePlan file;
    private final FilePlan.Split split;
    private final RrdReaderFactory factory;
    private final Cell[] cells;
    private final Deque<InternalRow> ready = new ArrayDeque<>();
    private List<Map.Entry<StoreId, ChunkStore>> recordings;
    private List<LoadProblem> problems;
    private int recordingIndex;
    private long offset;
    private boolean recordingsDone;
    private boolean problemsDone;
    private InternalRow current;
    private long decoded;
    private long skipped;

    RrdPartitionReader(FilePlan file, FilePlan.Split split, RrdReaderFactory factory) {
        this.file = file;
        this.split = split;
        this.factory = factory;
        StructField[] fields = factory.required().fields();
        this.cells = new Cell[fields.length];
        for (int i = 0; i < fields.length; i++) {
            cells[i] = cell(fields[i].name(), factory.schema());
        }
    }

    /** The value of one column for a row. */
    private interface Cell {
        Object of(Source row);
    }

    /** A row to convert: a dataframe row of a recording, or (row == null) a problem of the file. */
    private record Source(StoreId store, DataframeRow row, LoadProblem problem) {
        Long time(String timeline) {
            if (row == null) {
                return null;
            }
            Chunk chunk = row.ref().chunk();
            Optional<TimeColumn> t = chunk.timeline(timeline);
            return t.isPresent() ? t.get().time(row.ref().row()) : null;
        }
    }

    @Override
    public boolean next() throws IOException {
        if (recordings == null) {
            open();
        }
        while (ready.isEmpty()) {
            if (!recordingsDone) {
                fillFromRecordings();
            } else if (!problemsDone) {
                problemsDone = true;
                if (factory.mode() == ReadMode.PERMISSIVE) {
                    for (LoadProblem p : problems) {
                        Source s = new Source(p.store(), null, p);
                        if (passes(s)) {
                            ready.add(convert(s));
                        }
                    }
                }
            } else {
                return false;
            }
        }
        current = ready.poll();
        return true;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return ScanMetrics.values(decoded, skipped, problems == null ? 0 : problems.size());
    }

    @Override
    public void close() {
        recordings = List.of();
        ready.clear();
    }

    private void open() throws IOException {
        Path path = Path.of(file.path());
        // A chunk is left undecoded only when its message names the very chunk the footer lists at its offset.
        Map<Long, Tuid> skip = skippedChunks(path);
        FileLoad load = FileLoad.read(path, (offset, chunkId) -> split.owns(offset)
                && (chunkId == null || !chunkId.equals(skip.get(offset))));
        // The first split reports the file's damage; each split the messages of its own range that did not decode.
        decoded = load.decoded();
        skipped = load.skipped();
        problems = load.problems().stream()
                .filter(p -> p.kind() == LoadProblem.Kind.SKIPPED
                        ? split.owns(p.messageOffset() + FileLoad.HEADER_BYTES) : split.first())
                .toList();
        if (!problems.isEmpty()) {
            if (factory.mode() == ReadMode.FAILFAST) {
                LoadProblem first = problems.get(0);
                throw new IOException("format rrd, mode FAILFAST: " + FileLoad.describe(first), first.cause());
            }
            for (LoadProblem p : problems) {
                ScanCounters.problem();
                LOG.warn("format rrd, mode {}: {}", factory.mode(), FileLoad.describe(p));
            }
        }
        recordings = new ArrayList<>(load.recordings().entrySet());
    }

    /** Payload offset -> chunk id of the chunks the footer shows cannot match; none without a usable footer. */
    private Map<Long, Tuid> skippedChunks(Path path) {
        Pushdown pushdown = factory.pushdown();
        if (!pushdown.skipsChunks() && pushdown.recording().isEmpty() && pushdown.application().isEmpty()) {
            return Map.of();
        }
        List<RrdManifest> manifests;
        try {
            manifests = RrdFooter.read(path);
        } catch (IOException noFooter) {
            LOG.debug("format rrd: {} has no usable footer ({}); every chunk is decoded", path, noFooter.getMessage());
            return Map.of();
        }
        Map<Long, Tuid> skip = new HashMap<>();
        for (RrdManifest m : manifests) {
            boolean recordingMatches = pushdown.recordingMatches(m.storeId().recordingId(), m.storeId().applicationId());
            for (RrdManifest.Entry e : m.chunks()) {
                if (!recordingMatches || !pushdown.chunkMatches(e)) {
                    skip.put(e.byteOffset(), e.chunkId());
                }
            }
        }
        return skip;
    }

    private void fillFromRecordings() {
        if (recordingIndex >= recordings.size()) {
            recordingsDone = true;
            return;
        }
        Map.Entry<StoreId, ChunkStore> rec = recordings.get(recordingIndex);
        StoreId id = rec.getKey();
        if (!factory.pushdown().recordingMatches(id.recordingId(), id.applicationId())) {
            nextRecording();
            return;
        }
        FilePlan.RecordingPlan plan = file.recording(id.recordingId());
        String timeline = plan != null ? plan.timeline() : rec.getValue().defaultTimeline().orElse(null);
        DataframePage page = rec.getValue().dataframe(new DataframeQuery(timeline, null), offset, PAGE);
        for (DataframeRow row : page.rows()) {
            Source s = new Source(id, row, null);
            if (passes(s)) {
                ready.add(convert(s));
            }
        }
        offset += page.rows().size();
        if (page.rows().isEmpty() || offset >= page.totalRows()) {
            nextRecording();
        }
    }

    private void nextRecording() {
        recordingIndex++;
        offset = 0;
    }

    private boolean passes(Source s) {
        String recordingId = s.store() == null ? null : s.store().recordingId();
        String applicationId = s.store() == null ? null : s.store().applicationId();
        String entity = s.row() == null ? null : s.row().entityPath();
        return factory.pushdown().rowMatches(recordingId, applicationId, entity, s::time);
    }

    private InternalRow convert(Source s) {
        Object[] values = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = cells[i].of(s);
        }
        return new GenericInternalRow(values);
    }

    private static UTF8String utf8(String s) {
        return s == null ? null : UTF8String.fromString(s);
    }

    private static Cell cell(String name, RrdSchema schema) {
        switch (name) {
            case RrdSchema.RECORDING_ID:
                return s -> s.store() == null ? null : utf8(s.store().recordingId());
            case RrdSchema.APPLICATION_ID:
                return s -> s.store() == null ? null : utf8(s.store().applicationId());
            case RrdSchema.ENTITY_PATH:
                return s -> s.row() == null ? null : utf8(s.row().entityPath());
            case RrdSchema.ROW_ID:
                return s -> s.row() == null ? null : utf8(s.row().rowId().toString());
            default:
                break;
        }
        if (name.equals(schema.corruptColumn())) {
            return s -> s.problem() == null ? null : utf8(FileLoad.describe(s.problem()));
        }
        if (schema.isTimeline(name)) {
            return s -> s.time(name);
        }
        ComponentKind kind = schema.components().get(name);
        if (kind == null) {
            throw new IllegalArgumentException("column " + name + " is not a column of format rrd's table");
        }
        if (kind == ComponentKind.TEXT) {
            return s -> s.row() == null || s.row().cell(name).isEmpty() ? null
                    : utf8(CellFormat.format(s.row(), name, NumberStyle.RAW));
        }
        return s -> {
            if (s.row() == null) {
                return null;
            }
            Optional<ComponentColumn> column = s.row().cell(name);
            int r = s.row().ref().row();
            if (column.isEmpty() || column.get().count(r) == 0
                    || !column.get().itemField().equals(kind.serializer().itemField())) {
                return null;
            }
            Object value = kind.serializer().decode(column.get().items(), column.get().start(r));
            return value == null ? null : typed(kind, value);
        };
    }

    private static Object typed(ComponentKind kind, Object value) {
        switch (kind) {
            case BINARY:
                return ((ImageBuffer) value).toByteArray();
            case IMAGE_FORMAT: {
                ImageFormat f = (ImageFormat) value;
                return new GenericInternalRow(new Object[] {f.width(), f.height(),
                    f.channelDatatype() == null ? null : utf8(f.channelDatatype().name()),
                    f.colorModel() == null ? null : utf8(f.colorModel().name()),
                    f.pixelFormat() == null ? null : utf8(f.pixelFormat().name())});
            }
            case FLOAT:
                return value;
            case VALUE_RANGE: {
                ValueRange r = (ValueRange) value;
                return new GenericInternalRow(new Object[] {r.min(), r.max()});
            }
            default:
                throw new IllegalStateException("no typed value for " + kind);
        }
    }
}
