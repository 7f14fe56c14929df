package io.github.rerun4j.viewer.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the browser tests find Chromium and chromedriver: property, else environment, else the PATH. */
class BrowserBinariesTest {

    @TempDir
    Path dir;

    @Test
    void foundOnThePathUnderAnyOfChromiumsNames() throws IOException {
        Path bin1 = Files.createDirectories(dir.resolve("bin1"));
        Path bin2 = Files.createDirectories(dir.resolve("bin2"));
        Path chromium = executable(bin2.resolve("chromium-browser"));
        Path driver = executable(bin1.resolve("chromedriver"));

        BrowserBinaries found = BrowserBinaries.locate(Map.of("PATH", bin1 + File.pathSeparator + bin2), Map.of());

        assertThat(found.chromium()).isEqualTo(chromium);
        assertThat(found.chromedriver()).isEqualTo(driver);
        assertThat(found.unavailableReason()).isEmpty();
    }

    @Test
    void propertyWinsOverEnvironmentWhichWinsOverPath() throws IOException {
        Path onPath = Files.createDirectories(dir.resolve("bin"));
        executable(onPath.resolve("chromium"));
        executable(onPath.resolve("chromedriver"));
        Path fromEnv = executable(dir.resolve("env-chromium"));
        Path fromProperty = executable(dir.resolve("property-driver"));

        BrowserBinaries found = BrowserBinaries.locate(
                Map.of("PATH", onPath.toString(), "RERUN4J_CHROMIUM", fromEnv.toString(),
                        "RERUN4J_CHROMEDRIVER", onPath.resolve("chromedriver").toString()),
                Map.of("rerun4j.chromedriver", fromProperty.toString()));

        assertThat(found.chromium()).isEqualTo(fromEnv);
        assertThat(found.chromedriver()).isEqualTo(fromProperty);
    }

    @Test
    void aConfiguredPathThatIsNotThereIsReportedNotReplaced() throws IOException {
        Path onPath = Files.createDirectories(dir.resolve("bin"));
        executable(onPath.resolve("chromium"));
        executable(onPath.resolve("chromedriver"));

        BrowserBinaries found = BrowserBinaries.locate(
                Map.of("PATH", onPath.toString(), "RERUN4J_CHROMIUM", "/nowhere/chromium"), Map.of());

        assertThat(found.chromium()).isNull();
        assertThat(found.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("RERUN4J_CHROMIUM=/nowhere/chromium is not an executable file"));
    }

    @Test
    void nothingAnywhereNamesWhatWasLookedForAndHowToFixIt() {
        BrowserBinaries found = BrowserBinaries.locate(Map.of("PATH", dir.toString()), Map.of());

        assertThat(found.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no Chromium on the PATH (looked for chromium, chromium-browser")
                .contains("no chromedriver on the PATH")
                .contains("RERUN4J_CHROMIUM").contains("RERUN4J_CHROMEDRIVER"));
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
