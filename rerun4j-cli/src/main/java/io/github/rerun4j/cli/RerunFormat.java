package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.rrd.RerunVersion;

/** The one Rerun version the CLI names in its messages: the one whose format rerun4j writes. */
final class RerunFormat {

    /** The version rerun4j's files are written for. */
    static final RerunVersion WRITTEN = RerunVersion.V0_33_0;

    /** The oldest Rerun viewer that opens them, as users install it: {@code 0.33}. */
    static final String VIEWER_VERSION = WRITTEN.major() + "." + WRITTEN.minor();

    private RerunFormat() {
    }
}
