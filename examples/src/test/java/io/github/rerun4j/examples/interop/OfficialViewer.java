package io.github.rerun4j.examples.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Loads an {@code .rrd} into the official Rerun web viewer ({@code @rerun-io/web-viewer}, pinned in
 * {@code interop/web-viewer/package.json}) running in headless Chromium, through
 * {@code interop/web-viewer/check-rrd.mjs}, and reports what the viewer saw.
 *
 * <pre>{@code
 * @BeforeAll static void viewer() { OfficialViewer.assumeAvailable(); }
 *
 * OfficialViewer.Result r = OfficialViewer.check(rrd, "my_timeline");
 * assertThat(r.problems()).isEmpty();
 * assertThat(r.opened()).isTrue();
 * assertThat(r.applicationId()).isEqualTo("rerun_example_depth_image");
 * assertThat(r.timelines()).containsKey("frame");
 * }</pre>
 *
 * <p>Needs {@code node} on the PATH, Chromium ({@code -Drerun4j.chromium}, else {@code
 * $RERUN4J_CHROMIUM}, else {@code chromium} / {@code chromium-browser} / {@code google-chrome} on the
 * PATH) and {@code npm ci} run in {@code interop/web-viewer}; {@code .ci/run} installs all of it. One
 * check takes about 7–10 s. Skips are listed at the end of the run by the SDK test-jar's {@code LoudSkips}.
 */
public final class OfficialViewer {

  /** Default for how long the viewer gets to open the recording. */
  public static final int DEFAULT_TIMEOUT_MS = 30_000;

  private static final Path SCRIPT = Path.of("interop", "web-viewer", "check-rrd.mjs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private OfficialViewer() {}

  /** A timeline's range: nanoseconds since the epoch for temporal ones, sequence numbers else. */
  public record TimeRange(long min, long max) {}

  /**
   * What the viewer did with one file.
   *
   * @param opened the viewer has an active recording from the file
   * @param applicationId the recording's application id, as the viewer read it (null if none opened)
   * @param recordingId the recording id (null if none opened)
   * @param timelines the probed timelines that the recording has, by name. The viewer's API cannot
   *     list timelines: {@code log_tick, log_time, frame, frame_nr}, the active one and the extra
   *     names given to {@link #check(Path, String...)} are probed. JS numbers: ns timestamps past
   *     2^53 lose their last bits.
   * @param problems everything that makes the check fail besides not opening: console errors,
   *     unexpected viewer warnings, load errors, harness errors. Empty for a clean load.
   * @param screenshot PNG of the viewer after loading, if one was taken
   * @param exitCode the harness' exit code (0 = opened and no problems)
   * @param json the harness' full JSON report, for details not modelled here
   */
  public record Result(
      boolean opened,
      String applicationId,
      String recordingId,
      Map<String, TimeRange> timelines,
      List<String> problems,
      Optional<Path> screenshot,
      int exitCode,
      String json) {

    /** Opened with no problems at all: what a good file gives. */
    public boolean ok() {
      return opened && problems.isEmpty() && exitCode == 0;
    }

    /** Short multi-line summary, for assertion messages. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("official viewer: ")
          .append(opened ? "opened" : "NOT opened")
          .append(", application_id=").append(applicationId)
          .append(", recording_id=").append(recordingId)
          .append(", timelines=").append(timelines)
          .append(", exit=").append(exitCode);
      screenshot.ifPresent(p -> sb.append(", screenshot=").append(p));
      for (String p : problems) {
        sb.append("\n  - ").append(p);
      }
      return sb.toString();
    }
  }

  /** True when Node, Chromium and the installed viewer package are all there. */
  public static boolean isAvailable() {
    return unavailableReason().isEmpty();
  }

  /** Why {@link #check} cannot run here, or empty when it can. */
  public static Optional<String> unavailableReason() {
    Optional<Path> chromium = chromium();
    if (chromium.isEmpty() || !Files.isExecutable(chromium.get())) {
      return Optional.of(chromium.map(c -> "no Chromium at " + c).orElse("no Chromium on the PATH (looked for "
          + String.join(", ", CHROMIUM_NAMES) + ")")
          + " (apt-get install -y chromium, or set RERUN4J_CHROMIUM or -Drerun4j.chromium)");
    }
    if (findOnPath("node").isEmpty()) {
      return Optional.of("no 'node' on the PATH (Node 20+ is needed)");
    }
    Optional<Path> root = findRepoRoot();
    if (root.isEmpty()) {
      return Optional.of("no " + SCRIPT + " above " + startDir());
    }
    Path modules = root.get().resolve("interop/web-viewer/node_modules/@rerun-io/web-viewer");
    if (!Files.isDirectory(modules)) {
      return Optional.of("viewer package not installed: run 'npm ci' in "
          + root.get().resolve("interop/web-viewer"));
    }
    return Optional.empty();
  }

  /**
   * For {@code @BeforeAll}: skips the calling tests (JUnit assumption) when the viewer cannot run
   * here, and fails them instead when {@code CI=true}, so that CI never silently skips.
   */
  public static void assumeAvailable() {
    Optional<String> reason = unavailableReason();
    if (reason.isEmpty()) {
      return;
    }
    String message = "official Rerun web viewer check unavailable: " + reason.get();
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + " (CI=true: this must run in CI; see .ci/run)");
    }
    Assumptions.abort(message);
  }

  /**
   * Loads {@code rrd} into the viewer and reports; a screenshot goes to {@code
   * target/official-viewer/<file name>.png} of the module under test.
   *
   * @param extraTimelines timeline names to probe besides log_tick, log_time, frame, frame_nr
   */
  public static Result check(Path rrd, String... extraTimelines) {
    Path shots = startDir().resolve("target").resolve("official-viewer");
    String stem = rrd.getFileName().toString().replaceFirst("\\.rrd$", "");
    return check(rrd, shots.resolve(stem + ".png"), DEFAULT_TIMEOUT_MS, extraTimelines);
  }

  /**
   * Like {@link #check(Path, String...)} with an explicit screenshot path (null for none) and load
   * timeout.
   */
  public static Result check(Path rrd, Path screenshot, int timeoutMs, String... extraTimelines) {
    Path root = findRepoRoot().orElseThrow(() ->
        new IllegalStateException("no " + SCRIPT + " above " + startDir()));
    List<String> cmd = new ArrayList<>(List.of(
        findOnPath("node").map(Path::toString).orElse("node"),
        root.resolve(SCRIPT).toString(),
        rrd.toAbsolutePath().toString(),
        "--timeout-ms", Integer.toString(timeoutMs)));
    if (screenshot != null) {
      try {
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cmd.addAll(List.of("--screenshot", screenshot.toAbsolutePath().toString()));
    }
    for (String t : extraTimelines) {
      cmd.addAll(List.of("--timeline", t));
    }

    ProcessBuilder pb = new ProcessBuilder(cmd)
        .directory(root.resolve(SCRIPT).getParent().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    // check-rrd.mjs reads its browser from the environment: hand it the one found here.
    chromium().ifPresent(c -> pb.environment().put("RERUN4J_CHROMIUM", c.toString()));
    Process proc;
    try {
      proc = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd, e);
    }
    CompletableFuture<String> out = drain(proc.getInputStream());
    CompletableFuture<String> err = drain(proc.getErrorStream());
    int exit;
    try {
      // The harness has its own watchdog at timeout + 60 s; this is the last resort.
      if (!proc.waitFor(timeoutMs + 120_000L, TimeUnit.MILLISECONDS)) {
        proc.destroy(); // SIGTERM: the harness kills Chromium and removes its profile
        if (!proc.waitFor(10, TimeUnit.SECONDS)) {
          proc.destroyForcibly();
        }
        throw new IllegalStateException("check-rrd.mjs did not finish: " + err.join());
      }
      exit = proc.exitValue();
    } catch (InterruptedException e) {
      proc.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    String stdout = out.join();
    if (exit == 2) {
      throw new IllegalArgumentException("check-rrd.mjs usage error: " + err.join().trim());
    }
    try {
      return parse(JSON.readTree(stdout), exit, stdout);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read check-rrd.mjs output (exit " + exit + ")\nstdout: "
          + stdout + "\nstderr: " + err.join(), e);
    }
  }

  private static Result parse(JsonNode n, int exit, String json) {
    Map<String, TimeRange> timelines = new LinkedHashMap<>();
    n.path("timelines").properties().forEach(e -> timelines.put(e.getKey(),
        new TimeRange(e.getValue().path("min").asLong(), e.getValue().path("max").asLong())));
    List<String> problems = new ArrayList<>();
    addAll(problems, "console error: ", n.path("console_errors"));
    addAll(problems, "viewer warning: ", n.path("viewer_warnings"));
    addAll(problems, "load error: ", n.path("load_errors"));
    addAll(problems, "harness: ", n.path("errors"));
    String shot = text(n.path("screenshot"));
    return new Result(
        n.path("opened").asBoolean(false),
        text(n.path("application_id")),
        text(n.path("recording_id")),
        Collections.unmodifiableMap(timelines),
        List.copyOf(problems),
        Optional.ofNullable(shot).map(Path::of),
        exit,
        json);
  }

  private static void addAll(List<String> into, String prefix, JsonNode array) {
    for (JsonNode e : array) {
      into.add(prefix + e.asText());
    }
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<read failed: " + e + ">";
      }
    });
  }

  /** Names Chromium goes by on the PATH, in the order tried. */
  private static final List<String> CHROMIUM_NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  /** {@code -Drerun4j.chromium}, else {@code $RERUN4J_CHROMIUM} (as given), else found on the PATH. */
  static Optional<Path> chromium() {
    String configured = System.getProperty("rerun4j.chromium");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("RERUN4J_CHROMIUM");
    }
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    return CHROMIUM_NAMES.stream().map(OfficialViewer::findOnPath).flatMap(Optional::stream).findFirst();
  }

  /** Module directory under Surefire ({@code basedir}), else the working directory. */
  private static Path startDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  static Optional<Path> findRepoRoot() {
    for (Path d = startDir(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(SCRIPT))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  static Optional<Path> findOnPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, exe)) && Files.isExecutable(Path.of(dir, exe))) {
        return Optional.of(Path.of(dir, exe));
      }
    }
    return Optional.empty();
  }
}
