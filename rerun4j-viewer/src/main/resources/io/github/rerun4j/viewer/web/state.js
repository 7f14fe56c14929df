// The page's state: which recording, timeline and time, the scene there, the selection and the per-entity
// overrides. Views listen for 'change' and read what they need; nobody else fetches scenes.

import { api } from './api.js';

export class ViewerState extends EventTarget {
  constructor() {
    super();
    this.recording = null;   // recording id
    this.summary = null;     // /api/recordings/{id}
    this.timeline = null;    // name, or null for static data only
    this.time = 0;
    this.scene = null;       // /api/recordings/{id}/scene
    this.selection = null;   // entity path
    this.overrides = new Map(); // entity -> {colormap, range: [min, max], fillRatio, filter}; absent = as logged
    this.error = null;
    this._sceneRequest = 0;
  }

  timelineInfo() {
    return this.summary?.timelines.find((t) => t.name === this.timeline) ?? null;
  }

  async openRecording(id) {
    this.recording = id;
    this.summary = await api.summary(id);
    const names = this.summary.timelines.map((t) => t.name);
    if (!names.includes(this.timeline)) {
      this.timeline = names.includes('log_tick') ? 'log_tick' : (names[0] ?? null);
      this.time = this.timelineInfo()?.max ?? 0;
    }
    await this.refreshScene();
  }

  /** Re-reads the summary after new data; follows the newest time if the user was at the end. */
  async refreshSummary() {
    if (this.recording == null) return;
    const wasAtEnd = this.timelineInfo() == null || this.time >= this.timelineInfo().max;
    this.summary = await api.summary(this.recording);
    if (this.timeline == null && this.summary.timelines.length) {
      this.timeline = this.summary.timelines.some((t) => t.name === 'log_tick') ? 'log_tick' : this.summary.timelines[0].name;
    }
    if (wasAtEnd && this.timelineInfo()) this.time = this.timelineInfo().max;
    await this.refreshScene();
  }

  async setTime(timeline, time) {
    this.timeline = timeline;
    this.time = time;
    await this.refreshScene();
  }

  async refreshScene() {
    const request = ++this._sceneRequest;
    try {
      const scene = await api.scene(this.recording, this.timeline, this.time);
      if (request !== this._sceneRequest) return; // a newer request is on its way
      this.scene = scene;
      this.error = null;
    } catch (e) {
      this.error = e.message;
    }
    this.emit();
  }

  select(entity) {
    this.selection = entity;
    this.emit();
  }

  setOverride(entity, patch) {
    const current = this.overrides.get(entity) ?? {};
    const next = { ...current, ...patch };
    for (const k of Object.keys(next)) if (next[k] == null) delete next[k];
    if (Object.keys(next).length) this.overrides.set(entity, next); else this.overrides.delete(entity);
    this.emit();
  }

  /** The values a view uses for one depth image of the scene: the overrides, else the effective ones. */
  effective(image) {
    const o = this.overrides.get(image.entity) ?? {};
    return {
      colormap: o.colormap ?? image.effectiveColormap,
      range: o.range ?? image.effectiveRange,
      fillRatio: o.fillRatio ?? image.effectivePointFillRatio,
      filter: o.filter ?? image.effectiveMagnificationFilter,
      meter: image.effectiveMeter,
      drawOrder: image.effectiveDrawOrder,
    };
  }

  emit() {
    this.dispatchEvent(new Event('change'));
  }
}
