/**
 * Camera models to pinhole intrinsics: {@link io.github.rerun4j.io.camera.CameraFiles} reads ROS, OpenCV,
 * JSON, Middlebury and KITTI calibration files into {@link io.github.rerun4j.io.camera.Intrinsics}.
 */
@NullMarked
package io.github.rerun4j.io.camera;

import org.jspecify.annotations.NullMarked;
