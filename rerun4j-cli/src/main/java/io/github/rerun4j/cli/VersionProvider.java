package io.github.rerun4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code rerun4j --version}: this CLI's version (filtered in by Maven) and the Rerun format it writes.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"rerun4j " + cliVersion() + " (writes .rrd files for Rerun " + RerunFormat.WRITTEN + ")"};
    }

    static String cliVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A missing version is not worth failing --version for.
        }
        return properties.getProperty("version", "unknown");
    }
}
