package io.github.rerun4j.io.camera;

/**
 * Which matrix of a ROS camera file gives the intrinsics. ROS's {@code image_geometry} (and so
 * {@code depth_image_proc}) uses P, the rectified camera's projection; K is the raw camera's matrix. For
 * unrectified images K fits; for rectified (and registered) ones P does.
 */
public enum CameraMatrix {
    /** P when the file has one with a non-zero focal length, else K: ROS's own rule. */
    AUTO,
    /** The raw camera matrix K ({@code camera_matrix}). */
    K,
    /** The rectified projection P ({@code projection_matrix}): fx = P[0][0], cx = P[0][2], fy = P[1][1], cy = P[1][2]. */
    P
}
