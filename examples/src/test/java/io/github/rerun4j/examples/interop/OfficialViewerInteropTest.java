package io.github.rerun4j.examples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads {@code .rrd} files into the official Rerun web viewer (headless Chromium) through {@link
 * OfficialViewer}. Skipped where Chromium / the viewer package are missing, except with CI=true.
 */
@Timeout(240)
class OfficialViewerInteropTest {

  @BeforeAll
  static void viewerAvailable() {
    OfficialViewer.assumeAvailable();
  }

  /** Saved by the 0.33.0 viewer itself (PLY import + "Save recording"): the harness' known good. */
  @Test
  void referenceFileSavedByTheViewerOpensCleanly() throws URISyntaxException {
    Path rrd = Path.of(getClass().getResource("/interop/ref_points_viewer_saved.rrd").toURI());

    OfficialViewer.Result r = OfficialViewer.check(rrd);

    assertThat(r.problems()).as("%s", r).isEmpty();
    assertThat(r.opened()).as("%s", r).isTrue();
    assertThat(r.ok()).as("%s", r).isTrue();
    assertThat(r.applicationId()).isEqualTo("input.ply");
    assertThat(r.recordingId()).startsWith("rec_");
    assertThat(r.timelines()).as("static-only data has no timeline").isEmpty();
    assertThat(r.screenshot()).hasValueSatisfying(p -> assertThat(p).isRegularFile());
  }

  @Test
  void randomBytesAreReportedAsNotOpenedWithALoadError(@TempDir Path dir) throws Exception {
    byte[] bytes = new byte[4096];
    new Random(20240521L).nextBytes(bytes);
    Path rrd = Files.write(dir.resolve("random_bytes.rrd"), bytes);

    OfficialViewer.Result r = OfficialViewer.check(rrd);

    assertThat(r.opened()).as("%s", r).isFalse();
    assertThat(r.ok()).isFalse();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.applicationId()).isNull();
    assertThat(r.problems()).as("%s", r)
        .anySatisfy(p -> assertThat(p).startsWith("load error: ").contains("Not an RRD file"));
  }
}
