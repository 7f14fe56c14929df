package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

/** The end-of-run banner that keeps a local run without a browser from passing as one with browser tests. */
class LoudSkipsTest {

    @Test
    void bannerNamesEverySkippedTestUnderItsReason() {
        String banner = LoudSkips.banner(Map.of("browser tests skipped: no Chromium on the PATH",
                List.of("PageLoadsTest.demoRecordingLoadsWithoutConsoleErrors()", "View3dDemoTest")));

        assertThat(banner).contains("SKIPPED: 2 tests or test classes did not run here")
                .contains("browser tests skipped: no Chromium on the PATH")
                .contains("PageLoadsTest.demoRecordingLoadsWithoutConsoleErrors(), View3dDemoTest");
    }

    @Test
    void nothingSkippedPrintsNothing() {
        assertThat(LoudSkips.banner(Map.of())).isEmpty();
    }

    @Test
    void abortedAndDisabledTestsReachTheBannerAtTheEndOfTheRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoudSkips listener = new LoudSkips(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        listener.executionFinished(test("a()"), TestExecutionResult.aborted(new TestAbortedException("no browser")));
        listener.executionFinished(test("b()"), TestExecutionResult.successful());
        listener.executionSkipped(test("c()"), "disabled on purpose");
        assertThat(bytes.size()).isZero(); // only at the end, where it is seen

        listener.testPlanExecutionFinished(null);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("SKIPPED: 2 tests").contains("no browser").contains("a()")
                .contains("disabled on purpose").contains("c()").doesNotContain("b()");
    }

    private static TestIdentifier test(String name) {
        UniqueId id = UniqueId.forEngine("test").append("method", name);
        return TestIdentifier.from(new AbstractTestDescriptor(id, name) {
            @Override
            public Type getType() {
                return Type.TEST;
            }
        });
    }
}
