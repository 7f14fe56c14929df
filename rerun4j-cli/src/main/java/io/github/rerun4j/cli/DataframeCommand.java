package io.github.rerun4j.cli;

import io.github.rerun4j.render.dataframe.DataframeTable;
import io.github.rerun4j.render.dataframe.NumberStyle;
import io.github.rerun4j.render.export.DataframeCsv;
import io.github.rerun4j.render.export.DataframeJson;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.store.Recordings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j dataframe FILE}: Rerun's dataframe view as a table, one row per logged row (entity, time), a
 * column per component, cells as the viewer formats them; as aligned text, CSV or JSON. A damaged file gives
 * the table of what could be read, the problems on stderr and exit 1.
 */
@Command(name = "dataframe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the dataframe of a recording: one row per entity and time, one column per component,",
                "cells as Rerun's dataframe view shows them. Static rows come first in each entity, with an empty time."})
public final class DataframeCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, csv, json }

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "FILE", description = "The .rrd file.")
    private Path file;

    @Option(names = "--timeline", paramLabel = "NAME",
            description = "Timeline of the time column (default: the one Rerun opens on: a timeline you logged before log_time before log_tick, then the most rows; static rows only if the file has none).")
    private String timeline;

    @Option(names = "--entity", paramLabel = "PATH",
            description = "Only this entity and its descendants, e.g. world/camera (whole path parts: world does not match world-x).")
    private String entity;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned columns, default), csv (RFC 4180) or json.")
    private Format format;

    @Option(names = "--raw",
            description = "Plain numbers for scripts (10000, -3, 0.1) instead of the viewer's text (10\u2009000 with a thin space, "
                    + "U+2212 minus, floats cut to the viewer's precision); lists stay cut after 6 items.")
    private boolean raw;

    @Override
    public Integer call() {
        Recordings recordings = Scene.loadRecordings(file);
        ChunkStore store = Scene.firstRecording(recordings, file).store();
        String resolved;
        try {
            resolved = Scene.resolveTimeline(store, timeline, file);
        } catch (CliException e) {
            throw Scene.missing(file, recordings.problems(), e.getMessage());
        }
        DataframeQuery query = new DataframeQuery(resolved, entity);
        if (entity != null && store.entityPaths().stream().noneMatch(e -> query.selects(EntityPath.parse(e)))) {
            throw Scene.missing(file, recordings.problems(),
                    "no entity " + entity + " in " + file + "; entities: " + String.join(", ", store.entityPaths()));
        }
        DataframeTable table = DataframeTable.of(store.dataframe(query), raw ? NumberStyle.RAW : NumberStyle.VIEWER);
        PrintWriter out = spec.commandLine().getOut();
        try {
            switch (format) {
                case text -> writeText(table, out);
                case csv -> DataframeCsv.write(table, out);
                case json -> out.println(DataframeJson.toJson(table));
            }
        } catch (IOException e) {
            throw CliException.usage("cannot write the table: " + e.getMessage(), e);
        }
        out.flush();
        if (!recordings.problems().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("rerun4j: " + file + " is damaged; the table shows what could be read before the damage:");
            recordings.problems().forEach(p -> err.println("  " + p));
            return ExitCode.BAD_DATA;
        }
        return ExitCode.OK;
    }

    /** Columns padded to their widest cell, two spaces apart; static rows show an empty time. */
    static void writeText(DataframeTable table, PrintWriter out) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("entity", table.timeline() == null ? "time" : table.timeline()));
        table.columns().forEach(c -> header.add(c.component()));
        lines.add(header);
        for (DataframeTable.Row r : table.rows()) {
            List<String> line = new ArrayList<>(List.of(r.entityPath(), r.timeText()));
            line.addAll(r.cells());
            lines.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], width(line.get(i)));
            }
        }
        for (List<String> line : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                String cell = oneLine(line.get(i));
                sb.append(cell);
                if (i < line.size() - 1) {
                    sb.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            out.println(sb);
        }
        if (table.rows().isEmpty()) {
            out.println("(no rows)");
        }
    }

    /** Characters as a terminal counts them (code points; the cells use no wide characters). */
    private static int width(String text) {
        return oneLine(text).codePointCount(0, oneLine(text).length());
    }

    /** A table line must stay one line: control characters (from odd strings in a file) become spaces. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
