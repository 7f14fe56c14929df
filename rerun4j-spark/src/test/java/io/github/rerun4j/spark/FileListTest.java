package io.github.rerun4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.spark.internal.FileList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a load(...) path names: files, directories, globs, file: URIs; nothing is an error naming the path. */
class FileListTest {

    @TempDir
    Path dir;

    @Test
    void filesDirectoriesAndGlobs() throws Exception {
        Path a = Files.writeString(dir.resolve("a.rrd"), "");
        Path b = Files.writeString(dir.resolve("b.rrd"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.createDirectories(dir.resolve("day1"));
        Path c = Files.writeString(dir.resolve("day1/c.rrd"), "");
        assertThat(FileList.expand(List.of(dir.toString()))).containsExactly(a.toString(), b.toString());
        assertThat(FileList.expand(List.of(dir + "/*.rrd"))).containsExactly(a.toString(), b.toString());
        assertThat(FileList.expand(List.of(dir + "/*/*.rrd"))).containsExactly(c.toString());
        assertThat(FileList.expand(List.of(dir + "/{a,day1/c}.rrd"))).containsExactly(a.toString(), c.toString());
        assertThat(FileList.expand(List.of("file://" + b, b.toString(), "file:" + a))).containsExactly(a.toString(), b.toString());
    }

    @Test
    void nothingThereIsAnErrorNamingThePath() {
        assertThatThrownBy(() -> FileList.expand(List.of(dir + "/*.rrd")))
                .hasMessage("path " + dir + "/*.rrd: no .rrd file there; expected a file, a directory holding .rrd "
                        + "files or a glob that matches some");
        assertThatThrownBy(() -> FileList.expand(List.of("s3a://bucket/x.rrd")))
                .hasMessageContaining("only local (or mounted) files are read");
    }
}
