// What the 3D view draws besides clouds: pinhole frustums (world-space segments from the server, §5.5,
// dark-theme gray #9F9F9F), a ground grid in the plane perpendicular to the scene's up axis, and world axes
// (RGB = XYZ). The grid spacing is a power of ten chosen from the scene box, so a room-sized scene gets a
// 1 m grid and a table-top one 10 cm.
//
//   const guides = new Guides(threeScene);
//   guides.setFrustums(scene.pinholes);   // every update
//   guides.fitTo(scene.bounds);           // when the camera is framed

import * as THREE from 'three';
import { boxOf, sceneAxes } from './camera3d.js';

export const FRUSTUM_COLOR = 0x9f9f9f;
const GRID_MAJOR = 0x3b4245;
const GRID_MINOR = 0x262b2d;
const LINES_PER_SIDE = 10;

export class Guides {
  constructor(scene) {
    this.scene = scene;
    this.frustums = new THREE.LineSegments(new THREE.BufferGeometry(),
      new THREE.LineBasicMaterial({ color: FRUSTUM_COLOR, toneMapped: false }));
    this.frustums.frustumCulled = false;
    this.grid = null;
    this.axes = null;
    scene.add(this.frustums);
    this.fitTo(null);
  }

  /** Replaces the frustum lines (pairs of world points, flattened xyz per pinhole). */
  setFrustums(pinholes) {
    const xyz = [];
    for (const pinhole of pinholes ?? []) xyz.push(...(pinhole.frustumLines ?? []));
    this.frustums.geometry.dispose();
    this.frustums.geometry = new THREE.BufferGeometry();
    this.frustums.geometry.setAttribute('position', new THREE.Float32BufferAttribute(xyz, 3));
  }

  /** Sizes the grid and axes for the scene box (null: a 1 m grid around the origin). */
  fitTo(bounds, axes) {
    const up = sceneAxes(axes).up;
    const box = boxOf(bounds);
    const extent = box ? 2 * Math.max(box.halfSize.x, box.halfSize.y, box.halfSize.z) : 0;
    const spacing = extent > 0 ? 10 ** Math.floor(Math.log10(extent / 2)) : 1;
    for (const old of [this.grid, this.axes]) {
      if (!old) continue;
      old.removeFromParent();
      old.geometry.dispose();
      old.material.dispose();
    }
    this.grid = new THREE.GridHelper(2 * LINES_PER_SIDE * spacing, 2 * LINES_PER_SIDE, GRID_MAJOR, GRID_MINOR);
    // GridHelper lies in XZ (three's Y up); turn it into the plane perpendicular to the scene's up axis,
    // through the origin, centred under the scene.
    this.grid.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), up);
    if (box) {
      const centre = box.center.clone().projectOnPlane(up);
      centre.set(Math.round(centre.x / spacing) * spacing, Math.round(centre.y / spacing) * spacing,
        Math.round(centre.z / spacing) * spacing);
      this.grid.position.copy(centre);
    }
    this.axes = new THREE.AxesHelper(spacing);
    this.axes.material.toneMapped = false;
    this.scene.add(this.grid, this.axes);
    this.spacing = spacing;
  }

  dispose() {
    for (const object of [this.frustums, this.grid, this.axes]) {
      object.removeFromParent();
      object.geometry.dispose();
      object.material.dispose();
    }
  }
}
