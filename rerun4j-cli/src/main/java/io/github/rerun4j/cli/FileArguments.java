package io.github.rerun4j.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files named on an import's command line: files as given, directories as the files in them that
 * {@code accept} takes, and quoted globs ({@code 'depth/*.png'}, when the shell did not expand them) as the
 * matching files; all in natural order ({@link NaturalOrder}).
 */
final class FileArguments {

    private FileArguments() {
    }

    static List<Path> expand(List<Path> arguments, Predicate<Path> accept, String option) {
        List<Path> files = new ArrayList<>();
        for (Path arg : arguments) {
            String text = arg.toString();
            if (Files.isDirectory(arg)) {
                files.addAll(list(arg, accept, "*", option));
            } else if (Files.isRegularFile(arg)) {
                files.add(arg);
            } else if (text.contains("*") || text.contains("?") || text.contains("[")) {
                Path parent = arg.getParent() == null ? Path.of(".") : arg.getParent();
                String pattern = arg.getFileName() == null ? "*" : arg.getFileName().toString();
                if (!Files.isDirectory(parent)) {
                    throw CliException.usage(option + " " + arg + ": no such directory: " + parent);
                }
                List<Path> matched = list(parent, p -> true, pattern, option);
                if (matched.isEmpty()) {
                    throw CliException.usage(option + " " + arg + ": no file matches");
                }
                files.addAll(matched);
            } else {
                throw CliException.usage(option + " " + arg + ": no such file or directory");
            }
        }
        files.sort(NaturalOrder.INSTANCE);
        return files;
    }

    private static List<Path> list(Path dir, Predicate<Path> accept, String glob, String option) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && matcher.matches(p.getFileName()) && accept.test(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw CliException.usage(option + " " + dir + ": cannot list the directory: " + e.getMessage(), e);
        }
        return out;
    }
}
