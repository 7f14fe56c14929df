package io.github.rerun4j.viewer;

import java.lang.management.ManagementFactory;

/** What requests in flight hold on the heap, for tests that bound it. */
public final class HeapInUse {

    private HeapInUse() {
    }

    /** Heap in use once garbage is collected (a few full collections). */
    public static long afterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
