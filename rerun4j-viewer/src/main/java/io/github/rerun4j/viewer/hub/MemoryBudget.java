package io.github.rerun4j.viewer.hub;

/**
 * How many bytes of component data (pixels, mostly) the viewer's recordings may hold together. A recording
 * that would go over it stops loading with a problem the page shows, instead of filling the heap until the
 * reading thread (and then the server) dies of {@link OutOfMemoryError}; what it holds stays served.
 *
 * <pre>{@code
 * RecordingHub hub = new RecordingHub(MemoryBudget.ofBytes(512L << 20));
 * }</pre>
 *
 * @param bytes the budget, positive
 */
public record MemoryBudget(long bytes) {

    /** The default share of the heap: the rest is for the server, queries and decoding the next chunk. */
    public static final double DEFAULT_HEAP_FRACTION = 0.5;

    public MemoryBudget {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive bytes, got " + bytes);
        }
    }

    public static MemoryBudget ofBytes(long bytes) {
        return new MemoryBudget(bytes);
    }

    /** {@value #DEFAULT_HEAP_FRACTION} of this JVM's maximum heap. */
    public static MemoryBudget defaults() {
        return new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * DEFAULT_HEAP_FRACTION));
    }

    /** What to tell a user whose recordings reached it: the figures, and how to get more. */
    String exceeded(long held, long next) {
        return "out of memory: the data read so far (" + mb(held) + " MB) and the next chunk (" + mb(next)
                + " MB) exceed the viewer's memory budget of " + mb(bytes) + " MB (this JVM's heap: "
                + mb(Runtime.getRuntime().maxMemory()) + " MB); reading stopped there and later data is not shown."
                + " Give Java more memory (e.g. JAVA_OPTS=-Xmx" + suggestedHeapGb(held + next) + "g)";
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** A heap in whole gigabytes (a power of two) whose default budget holds {@code needed}. */
    private static long suggestedHeapGb(long needed) {
        long gb = 1;
        while ((gb << 30) * DEFAULT_HEAP_FRACTION < 2 * needed) {
            gb <<= 1;
        }
        return gb;
    }
}
