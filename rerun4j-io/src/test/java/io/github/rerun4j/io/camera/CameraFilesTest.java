package io.github.rerun4j.io.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Camera files as ROS 1/2, camera_calibration_parsers, OpenCV, Open3D, Middlebury and KITTI write them. */
class CameraFilesTest {

    @TempDir
    Path dir;

    /** rostopic echo of a rectified RealSense-like camera: K and P differ. */
    static final String ROS1 = """
            header:
              seq: 12
              stamp:
                secs: 1700000000
                nsecs: 5000
              frame_id: "camera_depth_optical_frame"
            height: 480
            width: 640
            distortion_model: "plumb_bob"
            D: [0.1, -0.2, 0.0, 0.0, 0.05]
            K: [600.0, 0.0, 320.0, 0.0, 601.0, 240.0, 0.0, 0.0, 1.0]
            R: [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]
            P: [590.5, 0.0, 318.25, 0.0, 0.0, 591.5, 238.75, 0.0, 0.0, 0.0, 1.0, 0.0]
            binning_x: 0
            binning_y: 0
            roi:
              x_offset: 0
              y_offset: 0
              height: 0
              width: 0
              do_rectify: False
            ---
            """;

    @Test
    void rosCameraInfoUsesPAsImageGeometryDoesAndSaysSo() throws IOException {
        Intrinsics i = CameraFiles.read(write("camera_info.yaml", ROS1));

        assertThat(i.fx()).isEqualTo(590.5);
        assertThat(i.fy()).isEqualTo(591.5);
        assertThat(i.cx()).isEqualTo(318.25);
        assertThat(i.cy()).isEqualTo(238.75);
        assertThat(i.width()).isEqualTo(640);
        assertThat(i.height()).isEqualTo(480);
        assertThat(i.source()).startsWith("P (P); K also present");
        assertThat(i.warnings()).singleElement().asString().contains("plumb_bob").contains("not applied");
    }

    @Test
    void rosCameraInfoWithKOnRequest() throws IOException {
        Intrinsics i = CameraFiles.read(write("camera_info.yaml", ROS1), CameraMatrix.K, null);

        assertThat(i.fx()).isEqualTo(600);
        assertThat(i.fy()).isEqualTo(601);
        assertThat(i.cx()).isEqualTo(320);
        assertThat(i.cy()).isEqualTo(240);
        assertThat(i.source()).startsWith("K (K); P also present");
    }

    @Test
    void ros2EchoWithLowerCaseKeysAndBlockLists() throws IOException {
        String ros2 = """
                header:
                  stamp:
                    sec: 1700000000
                    nanosec: 1
                  frame_id: camera
                height: 720
                width: 1280
                distortion_model: plumb_bob
                d: []
                k:
                - 910.0
                - 0.0
                - 640.5
                - 0.0
                - 911.0
                - 360.5
                - 0.0
                - 0.0
                - 1.0
                p:
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                - 0.0
                ---
                """;
        Intrinsics i = CameraFiles.read(write("info.yml", ros2));
        assertThat(i.fx()).as("P all zero (uncalibrated driver): K").isEqualTo(910);
        assertThat(i.cy()).isEqualTo(360.5);
        assertThat(i.width()).isEqualTo(1280);
        assertThat(i.source()).contains("K (k); P is all zero");
        assertThat(i.warnings()).isEmpty();
    }

    @Test
    void cameraCalibrationParsersYaml() throws IOException {
        String yaml = """
                image_width: 640
                image_height: 480
                camera_name: narrow_stereo
                camera_matrix:
                  rows: 3
                  cols: 3
                  data: [517.3, 0, 318.6, 0, 516.5, 255.3, 0, 0, 1]
                distortion_model: plumb_bob
                distortion_coefficients:
                  rows: 1
                  cols: 5
                  data: [0, 0, 0, 0, 0]
                rectification_matrix:
                  rows: 3
                  cols: 3
                  data: [1, 0, 0, 0, 1, 0, 0, 0, 1]
                projection_matrix:
                  rows: 3
                  cols: 4
                  data: [517.3, 0, 318.6, 0, 0, 516.5, 255.3, 0, 0, 0, 1, 0]
                """;
        Intrinsics i = CameraFiles.read(write("ost.yaml", yaml));
        assertThat(i.fx()).isEqualTo(517.3);
        assertThat(i.cy()).isEqualTo(255.3);
        assertThat(i.width()).isEqualTo(640);
        assertThat(i.warnings()).as("all-zero distortion is no distortion").isEmpty();
    }

    @Test
    void openCvFileStorageYamlAndXml() throws IOException {
        String yaml = """
                %YAML:1.0
                ---
                image_width: 752
                image_height: 480
                camera_matrix: !!opencv-matrix
                   rows: 3
                   cols: 3
                   dt: d
                   data: [ 4.6e+02, 0., 3.6e+02, 0., 4.5e+02,
                       2.4e+02, 0., 0., 1. ]
                distortion_coefficients: !!opencv-matrix
                   rows: 1
                   cols: 5
                   dt: d
                   data: [ -0.28, 0.07, 1e-4, 0., 0. ]
                """;
        Intrinsics y = CameraFiles.read(write("calib.yaml", yaml));
        assertThat(y.fx()).isEqualTo(460);
        assertThat(y.cx()).isEqualTo(360);
        assertThat(y.fy()).isEqualTo(450);
        assertThat(y.cy()).isEqualTo(240);
        assertThat(y.width()).isEqualTo(752);
        assertThat(y.warnings()).hasSize(1);

        String xml = """
                <?xml version="1.0"?>
                <opencv_storage>
                <image_width>640</image_width>
                <image_height>480</image_height>
                <cameraMatrix type_id="opencv-matrix">
                  <rows>3</rows>
                  <cols>3</cols>
                  <dt>d</dt>
                  <data>
                    5.25e+02 0. 3.195e+02
                    0. 5.26e+02 2.395e+02
                    0. 0. 1.</data></cameraMatrix>
                </opencv_storage>
                """;
        Intrinsics x = CameraFiles.read(write("calib.xml", xml));
        assertThat(x.fx()).isEqualTo(525);
        assertThat(x.fy()).isEqualTo(526);
        assertThat(x.cx()).isEqualTo(319.5);
        assertThat(x.cy()).isEqualTo(239.5);
        assertThat(x.width()).isEqualTo(640);

        String m1 = xml.replace("cameraMatrix", "M_left");
        assertThatThrownBy(() -> CameraFiles.read(write("m.xml", m1))).hasMessageContaining("m.xml")
                .hasMessageContaining("expected a camera matrix");
        assertThat(CameraFiles.read(write("m.xml", m1), CameraMatrix.AUTO, "M_left").fx()).isEqualTo(525);
    }

    @Test
    void plainJsonAndOpen3dJson() throws IOException {
        Intrinsics plain = CameraFiles.read(write("cam.json",
                "{\n\t\"fx\": 615.5, \"fy\": 616, \"cx\": 320.25, \"cy\": 240.75, \"width\": 640, \"height\": 480\n}"));
        assertThat(plain.fx()).isEqualTo(615.5);
        assertThat(plain.cy()).isEqualTo(240.75);
        assertThat(plain.width()).isEqualTo(640);

        Intrinsics open3d = CameraFiles.read(write("o3d.json", "{\"width\": 640, \"height\": 480, "
                + "\"intrinsic_matrix\": [525.0, 0.0, 0.0, 0.0, 526.0, 0.0, 319.5, 239.5, 1.0]}"));
        assertThat(open3d.fx()).isEqualTo(525);
        assertThat(open3d.fy()).isEqualTo(526);
        assertThat(open3d.cx()).as("column-major: element 6").isEqualTo(319.5);
        assertThat(open3d.cy()).isEqualTo(239.5);

        Pinhole pinhole = plain.toPinhole(640, 480);
        assertThat(pinhole.focalLengthX()).isEqualTo(615.5f);
        assertThat(pinhole.principalPoint().x()).isEqualTo(320.25f);
        assertThat(pinhole.resolution().width()).isEqualTo(640f);
    }

    @Test
    void middleburyAndKittiText() throws IOException {
        String middlebury = """
                cam0=[3997.684 0 1176.728; 0 3997.684 1011.728; 0 0 1]
                cam1=[3997.684 0 1307.839; 0 3997.684 1011.728; 0 0 1]
                doffs=131.111
                baseline=193.001
                width=2964
                height=1988
                ndisp=280
                """;
        Intrinsics m = CameraFiles.read(write("calib.txt", middlebury));
        assertThat(m.fx()).isEqualTo(3997.684);
        assertThat(m.cx()).isEqualTo(1176.728);
        assertThat(m.width()).isEqualTo(2964);
        assertThat(m.warnings()).singleElement().asString().contains("doffs=131.111").contains("baseline=193.001");
        StereoCalibration stereo = CameraFiles.stereo(dir.resolve("calib.txt")).orElseThrow();
        assertThat(stereo.doffs()).isEqualTo(131.111);
        assertThat(stereo.baselineMetres()).isEqualTo(0.193001);
        assertThat(CameraFiles.stereo(write("no-stereo.txt", "cam0=[1 0 0; 0 1 0; 0 0 1]\n"))).isEmpty();
        assertThat(CameraFiles.stereo(write("s.yaml", "K: [1,0,0,0,1,0,0,0,1]\n"))).isEmpty();
        assertThatThrownBy(() -> CameraFiles.stereo(write("bad.txt", "doffs=x\nbaseline=1\n")))
                .hasMessageContaining("bad.txt: key doffs").hasMessageContaining("found \"x\"");
        assertThatThrownBy(() -> CameraFiles.stereo(write("neg.txt", "doffs=1\nbaseline=-1\n")))
                .hasMessageContaining("neg.txt: keys doffs, baseline").hasMessageContaining("baseline=-1");

        String kitti = """
                calib_time: 09-Jan-2012 13:57:47
                S_rect_02: 1.242000e+03 3.750000e+02
                P_rect_02: 7.215377e+02 0.000000e+00 6.095593e+02 4.485728e+01 0.000000e+00 7.215377e+02 1.728540e+02 2.163791e-01 0.000000e+00 0.000000e+00 1.000000e+00 2.745884e-03
                """;
        Intrinsics k = CameraFiles.read(write("calib_cam_to_cam.txt", kitti));
        assertThat(k.fx()).isEqualTo(721.5377);
        assertThat(k.cx()).isEqualTo(609.5593);
        assertThat(k.cy()).isEqualTo(172.854);
        assertThat(k.width()).isEqualTo(1242);
        assertThat(k.height()).isEqualTo(375);
    }

    @Test
    void ros2ArrayFormKalibrAndScanNet() throws IOException {
        Intrinsics arr = CameraFiles.read(write("foxy.yaml", """
                height: 480
                width: 640
                d: array('d', [0.0, 0.0, 0.0, 0.0, 0.0])
                k: array('d', [615.5, 0.0, 320.25, 0.0, 616.5, 240.75, 0.0, 0.0, 1.0])
                """));
        assertThat(arr.fx()).isEqualTo(615.5);
        assertThat(arr.cy()).isEqualTo(240.75);

        Intrinsics kalibr = CameraFiles.read(write("camchain.yaml", """
                cam0:
                  camera_model: pinhole
                  intrinsics: [461.6, 460.3, 363.0, 248.1]
                  distortion_model: radtan
                  distortion_coeffs: [-0.28, 0.07, 0.0002, 1.8e-05]
                  resolution: [752, 480]
                  rostopic: /cam0/image_raw
                """));
        assertThat(kalibr.fx()).isEqualTo(461.6);
        assertThat(kalibr.fy()).isEqualTo(460.3);
        assertThat(kalibr.cx()).isEqualTo(363.0);
        assertThat(kalibr.cy()).isEqualTo(248.1);
        assertThat(kalibr.width()).isEqualTo(752);
        assertThat(kalibr.warnings()).singleElement().asString().contains("radtan");
        assertThatThrownBy(() -> CameraFiles.read(write("omni.yaml", "cam0:\n  camera_model: omni\n  intrinsics: [1, 2, 3, 4]\n")))
                .hasMessageContaining("key camera_model").hasMessageContaining("found omni");

        Intrinsics scanNet = CameraFiles.read(write("scene0000_00.txt", """
                colorHeight = 968
                colorWidth = 1296
                axisAlignment = 1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1
                m_calibrationDepthIntrinsic = 577.590698 0.000000 318.905426 0.000000 0.000000 578.729797 242.683609 0.000000 0.000000 0.000000 1.000000 0.000000 0.000000 0.000000 0.000000 1.000000
                m_depthWidth = 640
                m_depthHeight = 480
                """));
        assertThat(scanNet.fx()).isEqualTo(577.590698);
        assertThat(scanNet.cx()).isEqualTo(318.905426);
        assertThat(scanNet.fy()).isEqualTo(578.729797);
        assertThat(scanNet.cy()).isEqualTo(242.683609);
        assertThat(scanNet.width()).isEqualTo(640);
        assertThat(scanNet.height()).isEqualTo(480);

        Intrinsics bare = CameraFiles.read(write("intrinsic_depth.txt", """
                577.590698 0.000000 318.905426 0.000000
                0.000000 578.729797 242.683609 0.000000
                0.000000 0.000000 1.000000 0.000000
                0.000000 0.000000 0.000000 1.000000
                """));
        assertThat(bare.fx()).isEqualTo(577.590698);
        assertThat(bare.cy()).isEqualTo(242.683609);
        assertThat(bare.hasSize()).isFalse();
        assertThat(CameraFiles.read(write("K.txt", "525 0 319.5\n0 525 239.5\n0 0 1\n")).cx()).isEqualTo(319.5);
        assertThatThrownBy(() -> CameraFiles.read(write("five.txt", "1 2 3 4 5\n"))).hasMessageContaining("five.txt: the matrix")
                .hasMessageContaining("found 5");
    }

    @Test
    void refusalsNameTheFileAndKey() throws IOException {
        assertThatThrownBy(() -> CameraFiles.read(write("zero.yaml", "width: 0\nheight: 0\nK: [0,0,0,0,0,0,0,0,0]\n")))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("zero.yaml").hasMessageContaining("key K")
                .hasMessageContaining("non-zero focal lengths");
        assertThatThrownBy(() -> CameraFiles.read(write("short.yaml", "K: [1, 0, 2]\n")))
                .hasMessageContaining("key K").hasMessageContaining("expected 9 numbers").hasMessageContaining("found 3");
        assertThatThrownBy(() -> CameraFiles.read(write("none.json", "{\"focal\": 3}")))
                .hasMessageContaining("none.json").hasMessageContaining("fx, fy, cx, cy").hasMessageContaining("[focal]");
        assertThatThrownBy(() -> CameraFiles.read(write("bad.json", "{\"fx\": 1, ")))
                .hasMessageContaining("bad.json: JSON");
        assertThatThrownBy(() -> CameraFiles.read(write("nop.yaml", ROS1.replace("P: [", "Q: [")), CameraMatrix.P, null))
                .hasMessageContaining("key P").hasMessageContaining("projection matrix");
        assertThatThrownBy(() -> CameraFiles.read(write("word.json", "{\"fx\": \"abc\", \"fy\": 1, \"cx\": 1, \"cy\": 1}")))
                .hasMessageContaining("key fx").hasMessageContaining("expected a number, found abc");
        assertThatThrownBy(() -> CameraFiles.read(write("cam.ini", "fx=1"))).hasMessageContaining("cam.ini")
                .hasMessageContaining(".yaml, .yml, .json, .xml or .txt");
        assertThatThrownBy(() -> CameraFiles.read(write("x.xml", "<opencv_storage><a>"))).hasMessageContaining("x.xml: XML");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
