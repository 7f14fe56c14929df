package io.github.rerun4j.io.tum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TUM RGB-D lists: associate.py's rule, exact timestamps, ground truth, the sensor's intrinsics. */
class TumSequenceTest {

    @TempDir
    Path root;

    @Test
    void associationTakesNearestPairsGreedilyWithinTheWindow() {
        double[] rgb = {1.000, 1.033, 1.066, 1.100, 2.000};
        double[] depth = {1.010, 1.030, 1.035, 1.090, 1.500};
        List<int[]> pairs = TumAssociation.associate(rgb, depth, 0, 0.02);

        // 1.033-1.035 (0.002) and 1.000-1.010 (0.010) and 1.100-1.090 (0.010); 1.066 has nothing within 20 ms
        // that is still free (1.035 and 1.090 were taken by closer pairs) ; 2.000 and 1.500 have no partner.
        assertThat(pairs).extracting(p -> p[0] + "-" + p[1]).containsExactly("0-0", "1-2", "3-3");
    }

    @Test
    void associationPrefersTheClosestPairOverTheFirstOne() {
        // TUM fr1/xyz's first stamps: rgb 0 is 14.9 ms from depth 0 and 19.0 ms from depth 1; rgb 1 is 16.9 ms
        // from depth 1 and 15.5 ms from depth 2; rgb 2 is 16.5 ms from depth 2. Greedy by difference: 0-0, 1-2,
        // and rgb 2 loses depth 2 to the closer rgb 1 (associate.py does the same).
        double[] rgb = {1305031102.175304, 1305031102.211214, 1305031102.243211};
        double[] depth = {1305031102.160407, 1305031102.194330, 1305031102.226738};
        assertThat(TumAssociation.associate(rgb, depth, 0, 0.02)).extracting(p -> p[0] + "-" + p[1])
                .containsExactly("0-0", "1-2");
    }

    @Test
    void associationIsNotQuadraticAndHonoursTheOffset() {
        int n = 200_000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i / 30.0;
            b[i] = i / 30.0 + 0.5 + 0.004;
        }
        long t0 = System.nanoTime();
        List<int[]> pairs = TumAssociation.associate(a, b, -0.5, 0.02);
        assertThat(pairs).hasSize(n);
        assertThat(pairs.get(10)).containsExactly(10, 10);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
    }

    @Test
    void sequenceWithColourGroundTruthAndIntrinsicsOfItsSensor() throws IOException {
        Path dir = Files.createDirectories(root.resolve("rgbd_dataset_freiburg1_xyz"));
        Files.writeString(dir.resolve("rgb.txt"), """
                # color images
                # file: 'rgbd_dataset_freiburg1_xyz.bag'
                # timestamp filename
                1305031102.175304 rgb/1305031102.175304.png
                1305031102.211214 rgb/1305031102.211214.png
                1305031102.243211 rgb/1305031102.243211.png
                """);
        Files.writeString(dir.resolve("depth.txt"), """
                # depth maps
                1305031102.160407 depth/1305031102.160407.png
                1305031102.194330 depth/1305031102.194330.png
                1305031102.240000 depth/1305031102.240000.png
                1305031102.300000 depth/1305031102.300000.png
                """);
        Files.writeString(dir.resolve("groundtruth.txt"), """
                # ground truth trajectory
                # timestamp tx ty tz qx qy qz qw
                1305031102.1758 1.3405 0.6266 1.6575 0.6574 0.6126 -0.2949 -0.3248
                1305031098.6659 1.3563 0.6305 1.6380 0.6132 0.5962 -0.3311 -0.3986
                """);
        TumSequence s = TumSequence.open(dir, true);

        assertThat(s.frames()).hasSize(3);
        assertThat(s.unpaired()).isEqualTo(1);
        TumSequence.Frame f = s.frames().get(0);
        assertThat(f.nanos()).isEqualTo(1_305_031_102_160_407_000L);
        assertThat(f.depth()).isEqualTo(dir.resolve("depth/1305031102.160407.png"));
        assertThat(f.colour()).isEqualTo(dir.resolve("rgb/1305031102.175304.png"));
        assertThat(s.frames().get(1).colour()).isEqualTo(dir.resolve("rgb/1305031102.211214.png"));
        assertThat(s.frames().get(2).colour()).isEqualTo(dir.resolve("rgb/1305031102.243211.png"));
        assertThat(s.frames().get(2).colourNanos()).isEqualTo(1_305_031_102_243_211_000L);

        assertThat(s.poses()).hasSize(2);
        assertThat(s.poses().get(0).nanos()).as("sorted by time").isEqualTo(1_305_031_098_665_900_000L);
        assertThat(s.poses().get(1).tx()).isEqualTo(1.3405);
        assertThat(s.poses().get(1).qw()).isEqualTo(-0.3248);
        assertThat(s.poses().get(1).toTransform().translation().z()).isEqualTo(1.6575f);

        assertThat(s.intrinsics().fx()).isEqualTo(517.3);
        assertThat(s.intrinsics().cy()).isEqualTo(255.3);
        assertThat(s.intrinsics().source()).contains("freiburg1");

        TumSequence depthOnly = TumSequence.open(dir, false);
        assertThat(depthOnly.frames()).hasSize(4);
        assertThat(depthOnly.frames().get(3).colour()).isNull();
    }

    @Test
    void otherFoldersGetTheRosDefaultAndBadListsAreNamed() throws IOException {
        Path dir = Files.createDirectories(root.resolve("my_capture"));
        Files.writeString(dir.resolve("depth.txt"), "1.0 depth/1.png\n");
        assertThat(TumSequence.open(dir, true).intrinsics().fx()).isEqualTo(525.0);
        assertThat(TumCamera.forSequence("rgbd_dataset_freiburg3_long_office_household").fx()).isEqualTo(535.4);
        assertThat(TumCamera.forSequence("rgbd_dataset_freiburg2_desk").fx()).isEqualTo(520.9);
        assertThat(TumCamera.preset("freiburg3").cy()).isEqualTo(247.6);
        assertThat(TumCamera.preset("ros-default").cx()).isEqualTo(319.5);
        assertThatThrownBy(() -> TumCamera.preset("kinect")).hasMessageContaining("kinect")
                .hasMessageContaining("freiburg1, freiburg2, freiburg3, ros-default");

        Files.writeString(dir.resolve("depth.txt"), "1.0 depth/1.png\nabc depth/2.png\n");
        assertThatThrownBy(() -> TumSequence.open(dir, false)).hasMessageContaining("depth.txt: line 2")
                .hasMessageContaining("timestamp in seconds").hasMessageContaining("\"abc\"");
        Files.writeString(dir.resolve("depth.txt"), "1.0 depth/1.png\n");
        Files.writeString(dir.resolve("groundtruth.txt"), "1.0 1 2 3 0 0 0\n");
        assertThatThrownBy(() -> TumSequence.open(dir, false)).hasMessageContaining("groundtruth.txt: line 1")
                .hasMessageContaining("7 field(s)");
        assertThatThrownBy(() -> TumSequence.open(root, false)).hasMessageContaining("no depth.txt");
    }
}
