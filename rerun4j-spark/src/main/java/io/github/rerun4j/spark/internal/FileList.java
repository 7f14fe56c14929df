package io.github.rerun4j.spark.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a scan reads: each path a file, a directory (its {@code *.rrd} files, not recursive) or a glob
 * ({@code recordings/*.rrd}, {@code fleet/**}{@code /*.rrd}); {@code file:} URIs are accepted. The files must be
 * at the same path on every executor (a local file system in local mode, or a shared mount): the reader maps
 * them ({@link io.github.rerun4j.sdk.rrd.RrdReader#openMapped}).
 */
public final class FileList {

    private FileList() {
    }

    /** Every file the paths name, absolute, sorted and without duplicates. */
    public static List<String> expand(List<String> paths) {
        TreeSet<String> out = new TreeSet<>();
        for (String given : paths) {
            List<Path> found = expandOne(localPath(given));
            if (found.isEmpty()) {
                throw new IllegalArgumentException("path " + given + ": no .rrd file there; expected a file, a directory "
                        + "holding .rrd files or a glob that matches some");
            }
            found.forEach(p -> out.add(p.toString()));
        }
        return List.copyOf(out);
    }

    private static String localPath(String given) {
        if (given.startsWith("file://")) {
            return given.substring("file://".length());
        }
        if (given.startsWith("file:")) {
            return given.substring("file:".length());
        }
        if (given.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            throw new IllegalArgumentException("path " + given + ": only local (or mounted) files are read; expected a "
                    + "path or a file: URI");
        }
        return given;
    }

    private static List<Path> expandOne(String text) {
        int glob = firstGlobChar(text);
        try {
            if (glob < 0) {
                Path p = Path.of(text).toAbsolutePath().normalize();
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        return s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".rrd")).sorted().toList();
                    }
                }
                return Files.isRegularFile(p) ? List.of(p) : List.of();
            }
            int cut = text.lastIndexOf('/', glob);
            Path base = Path.of(cut < 0 ? "." : cut == 0 ? "/" : text.substring(0, cut)).toAbsolutePath().normalize();
            String rest = text.substring(cut + 1);
            if (!Files.isDirectory(base)) {
                return List.of();
            }
            int depth = rest.contains("**") ? Integer.MAX_VALUE : (int) rest.chars().filter(c -> c == '/').count() + 1;
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
            try (Stream<Path> s = Files.walk(base, depth)) {
                return s.filter(Files::isRegularFile).filter(f -> matcher.matches(base.relativize(f))).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("path " + text + ": " + e.getMessage(), e);
        }
    }

    private static int firstGlobChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("*?[{".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
