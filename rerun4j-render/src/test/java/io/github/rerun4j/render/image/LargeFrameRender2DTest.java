package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A small picture of a huge frame must cost memory in proportion to the picture, not the frame (issue 9:
 * {@code render --size 200x200} of a 20000x20000 frame ran out of memory copying and normalising every
 * texel). Measured with the JVM's per-thread allocation counter on a 4000x4000 frame.
 */
class LargeFrameRender2DTest {

    private static final int SIZE = 4000;

    @Test
    void smallPictureOfALargeFrameAllocatesAboutThePictureOnly() {
        short[] mm = new short[SIZE * SIZE];
        for (int i = 0; i < mm.length; i++) {
            mm[i] = (short) (500 + (i % SIZE));
        }
        DepthImage depth = DepthImage.fromU16(mm, SIZE, SIZE);
        mm = null;
        com.sun.management.ThreadMXBean threads = threadBean();
        for (MagnificationFilter filter : MagnificationFilter.values()) {
            RenderOverrides o = RenderOverrides.NONE.withFilter(filter);
            long before = threads.getCurrentThreadAllocatedBytes();
            int[] px = DepthImageRenderer2D.render(depth, 200, 200, o);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(px).hasSize(200 * 200);
            // The picture is 160 KB; the old path allocated 2 x 64 MB (f32 copy + normalised copy).
            assertThat(allocated).as("bytes allocated with %s", filter).isLessThan(4_000_000L);
        }
        // Same colours as the full-resolution path at the sampled texels.
        int[] small = DepthImageRenderer2D.render(depth, 200, 200, RenderOverrides.NONE);
        int[] full = DepthImageRenderer2D.render(depth, SIZE, SIZE, RenderOverrides.NONE);
        int step = SIZE / 200;
        for (int j = 0; j < 200; j += 37) {
            for (int i = 0; i < 200; i += 29) {
                assertThat(small[j * 200 + i]).isEqualTo(full[(j * step + step / 2) * SIZE + i * step + step / 2]);
            }
        }
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
