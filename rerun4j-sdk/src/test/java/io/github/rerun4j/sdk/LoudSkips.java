package io.github.rerun4j.sdk;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says loudly, at the end of the module's test run, which tests were skipped and why (a test or class aborted
 * by an assumption, such as "no Chromium on the PATH", or disabled): a local {@code mvn verify} without a
 * browser must not look like one that ran the browser tests. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener} of this module's tests and
 * its test-jar, so the SDK and every module that uses the test-jar (examples, viewer, CLI) have it; it
 * writes to the JVM's standard error, which Surefire shows on the console even with
 * {@code redirectTestOutputToFile}.
 */
public final class LoudSkips implements TestExecutionListener {

    private final Map<String, List<String>> skippedByReason = new LinkedHashMap<>();
    private final PrintStream out;
    private TestPlan plan;

    public LoudSkips() {
        // The process's own standard error, not System.err: Surefire redirects System.err into report files.
        this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    LoudSkips(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String banner = banner(skippedByReason);
        if (!banner.isEmpty()) {
            out.print(System.lineSeparator() + banner); // Maven's last line may not have ended yet
            out.flush();
        }
    }

    private void record(TestIdentifier test, String reason) {
        skippedByReason.computeIfAbsent(reason == null ? "no reason given" : reason, r -> new ArrayList<>())
                .add(name(test));
    }

    /** "Class.method()" for a test method, the display name alone for a class. */
    private String name(TestIdentifier test) {
        if (!test.isTest() || plan == null) {
            return test.getDisplayName();
        }
        return plan.getParent(test).map(p -> p.getDisplayName() + ".").orElse("") + test.getDisplayName();
    }

    /** The banner for skipped tests grouped by reason; empty when nothing was skipped. */
    static String banner(Map<String, List<String>> skippedByReason) {
        if (skippedByReason.isEmpty()) {
            return "";
        }
        int count = skippedByReason.values().stream().mapToInt(List::size).sum();
        String rule = "!".repeat(100);
        StringBuilder sb = new StringBuilder().append(rule).append('\n')
                .append("!!! SKIPPED: ").append(count).append(count == 1 ? " test or test class" : " tests or test classes")
                .append(" did not run here; under CI=true a missing browser, Node or viewer package fails instead\n");
        skippedByReason.forEach((reason, tests) -> sb.append("!!!   ").append(reason).append('\n')
                .append("!!!     ").append(String.join(", ", tests)).append('\n'));
        return sb.append(rule).append('\n').toString();
    }
}
