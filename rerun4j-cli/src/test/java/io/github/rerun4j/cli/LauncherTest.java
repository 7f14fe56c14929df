package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Commands printed back to the user name the tool as they started it. */
class LauncherTest {

    private static final Path CWD = Path.of("/home/me/rerun4j");

    @Test
    void theScriptSaysHowItWasCalled() {
        assertThat(Launcher.command("./rerun4j", Optional.empty(), CWD)).isEqualTo("./rerun4j");
        assertThat(Launcher.command("rerun4j", Optional.of(CWD.resolve("rerun4j-cli/target/rerun4j.jar")), CWD)).isEqualTo("rerun4j");
    }

    @Test
    void withoutTheScriptAJarIsRunWithJavaJar() {
        assertThat(Launcher.command(null, Optional.of(CWD.resolve("rerun4j-cli/target/rerun4j.jar")), CWD))
                .isEqualTo("java -jar rerun4j-cli/target/rerun4j.jar");
        assertThat(Launcher.command("", Optional.of(Path.of("/opt/my tools/rerun4j.jar")), CWD))
                .isEqualTo("java -jar '/opt/my tools/rerun4j.jar'");
        assertThat(Launcher.command(null, Optional.empty(), CWD)).isEqualTo("rerun4j");
    }

    @Test
    void wordsAreQuotedForTheShellOnlyWhenNeeded() {
        assertThat(Launcher.quote("rerun4j-demo/depth_image_3d.rrd")).isEqualTo("rerun4j-demo/depth_image_3d.rrd");
        assertThat(Launcher.quote("my dir/it's.rrd")).isEqualTo("'my dir/it'\\''s.rrd'");
    }
}
