// Rerun's default eye for a 3D view, as the Java reference render/raster3d/Camera3D.framing does: orbit
// centre = centre of the scene box, distance = 1.5 x half its diagonal (1 if that is 0 or not finite),
// looking along 0.75 forward + 0.25 right - 0.25 up of the scene axes (RFU: X right, Y forward, Z up, when
// the scene has no ViewCoordinates), vertical field of view 55 degrees, near plane 0.01.
//
//   const eye = defaultEye(scene.bounds, scene.axes);   // {position, target, up, fovY} as THREE.Vector3s / degrees
//   camera.position.copy(eye.position); camera.up.copy(eye.up); controls.target.copy(eye.target);

import * as THREE from 'three';

export const DEFAULT_FOV_Y_DEGREES = 55;
export const NEAR = 0.01;

/** Scene axes when nothing says otherwise (Rerun: RFU). */
const RIGHT = new THREE.Vector3(1, 0, 0);
const FORWARD = new THREE.Vector3(0, 1, 0);
const SCENE_UP = new THREE.Vector3(0, 0, 1);

/** The scene's right/forward/up from the scene JSON's `axes` (a root ViewCoordinates), RFU if absent. */
export function sceneAxes(axes) {
  if (!axes) return { right: RIGHT.clone(), forward: FORWARD.clone(), up: SCENE_UP.clone() };
  const v = (a) => new THREE.Vector3().fromArray(a);
  return { right: v(axes.right), forward: v(axes.forward), up: v(axes.up) };
}

/** The box's centre and half size, or null for a missing / non-finite box. */
export function boxOf(bounds) {
  if (!bounds) return null;
  const min = new THREE.Vector3().fromArray(bounds.min);
  const max = new THREE.Vector3().fromArray(bounds.max);
  const finite = [...bounds.min, ...bounds.max].every(Number.isFinite);
  return finite ? { center: min.clone().add(max).multiplyScalar(0.5), halfSize: max.clone().sub(min).multiplyScalar(0.5) } : null;
}

/** The default eye framing `bounds` ({min, max} of the scene JSON, or null) with the scene's `axes`. */
export function defaultEye(bounds, axes) {
  const { right, up } = sceneAxes(axes);
  const forward = up.clone().cross(right); // as the reference: forward = up x right
  const box = boxOf(bounds);
  const target = box ? box.center : new THREE.Vector3();
  let distance = box ? 1.5 * box.halfSize.length() : NaN;
  if (!Number.isFinite(distance) || distance === 0) distance = 1;
  const direction = forward.multiplyScalar(0.75)
    .addScaledVector(right, 0.25).addScaledVector(up, -0.25).normalize();
  return {
    position: target.clone().addScaledVector(direction, -distance),
    target,
    up: up.clone(),
    fovY: DEFAULT_FOV_Y_DEGREES,
    distance,
  };
}

/**
 * Whether the scene box changed so much that a camera framed on `framed` no longer shows `next` well: its
 * half diagonal grew or shrank more than twice, or its centre moved by more than the old half diagonal
 * (a far outlier arriving, the cloud of another sensor, a scene 10x farther). Small changes, such as a
 * moving camera's box sliding a little, keep the user's view steady.
 */
export function boxChangedALot(framed, next) {
  const a = boxOf(framed);
  const b = boxOf(next);
  if (!a || !b) return false;
  const before = a.halfSize.length();
  const after = b.halfSize.length();
  const scale = Math.max(before, 1e-9);
  return after > 2 * scale || after < before / 2 || a.center.distanceTo(b.center) > scale;
}
