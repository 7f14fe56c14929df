// The page's state: which recording, timeline and time, the times with data, the scene there, the selection
// and the per-entity overrides. Views listen for 'change' (the scene, selection or overrides changed); the
// timeline also listens for 'time' (the time moved, its scene is on its way). Nobody else fetches scenes.

import { api } from './api.js';
import { checkOverride } from './overrides.js';

export class ViewerState extends EventTarget {
  constructor() {
    super();
    this.recording = null;   // recording id
    this.summary = null;     // /api/recordings/{id}
    this.timeline = null;    // name, or null for static data only
    this.timelineChosen = false; // the user picked the timeline; until then it follows the server's defaultTimeline
    this.time = 0;           // Number: the time, approximate beyond 2^53 (nanosecond timestamps)
    this.timeExact = 0n;     // BigInt: the time as queried; use this one to ask the server
    this.times = [];         // BigInt[]: the times with data on the timeline, ascending
    this.scene = null;       // /api/recordings/{id}/scene
    this.selection = null;   // entity path
    this.overrides = new Map(); // entity -> {colormap, range: [min, max], fillRatio, filter, rgbCloud}; absent = as logged
    this.rgbClouds = false;     // the 3D view's RGB cloud toggle (rerun4j extension; off: as Rerun)
    this.rgbOcclusion = false;  // ... and its occlusion test for colour cameras under a pinhole of their own
    this.hidden = new Set();    // entities the user hid with the streams tree's eye; their children go with them
    this.error = null;
    this._sceneRequest = 0;
    this._timesRowCount = -1; // the timeline's rowCount when times were read: re-read when it grows
  }

  timelineInfo() {
    return this.summary?.timelines.find((t) => t.name === this.timeline) ?? null;
  }

  async openRecording(id) {
    if (id !== this.recording) this._timesRowCount = -1;
    this.recording = id;
    this.summary = await api.summary(id);
    const names = this.summary.timelines.map((t) => t.name);
    if (!this.timelineChosen || !names.includes(this.timeline)) {
      this.timeline = (this.summary.defaultTimeline ?? null);
      this.timelineChosen = false;
      this._timesRowCount = -1;
    }
    // The scene at the timeline's end first, the times with data beside it: a file opened by its footer answers
    // the scene at once, and its times only once every chunk is read. Until they are here the server picks the
    // latest time (the summary's numbers are not exact beyond 2^53: nanosecond timestamps).
    if (this._timesRowCount < 0) this.times = [];
    const times = this._loadTimes();
    this._setTimeValue(this.lastTime());
    const opened = this.timeExact;
    await this.refreshScene(this.times.length === 0);
    await times;
    if (this.timeExact === opened) this._setTimeValue(this.lastTime()); // unless the user moved meanwhile
    this.emit();
  }

  /** Re-reads the summary after new data; follows the newest time if the user was at the end. */
  async refreshSummary() {
    if (this.recording == null) return;
    const wasAtEnd = this.times.length === 0 || this.timeExact >= this.lastTime();
    this.summary = await api.summary(this.recording);
    // As Rerun, a timeline the user did not choose is re-picked as data arrives (e.g. `frame` appears).
    const picked = this.timelineChosen ? this.timeline : (this.summary.defaultTimeline ?? null);
    const switched = picked !== this.timeline;
    if (switched) {
      this.timeline = picked;
      this._timesRowCount = -1;
    }
    await this._loadTimes();
    if ((wasAtEnd || switched) && this.times.length) this._setTimeValue(this.lastTime());
    await this.refreshScene();
  }

  /** Switches to `timeline` (null: static data only), the user's choice from now on, and goes to its latest time. */
  async setTimeline(timeline) {
    this.timeline = timeline;
    this.timelineChosen = true;
    this._timesRowCount = -1;
    await this._loadTimes();
    await this.setTime(timeline, this.lastTime());
  }

  /** Moves to `time` (BigInt, integer number or decimal string) on `timeline`. */
  async setTime(timeline, time) {
    if (timeline !== this.timeline) {
      this.timeline = timeline;
      this.timelineChosen = true;
      this._timesRowCount = -1;
      await this._loadTimes();
    }
    this._setTimeValue(time);
    await this.refreshScene();
  }

  /**
   * Moves to the previous (`delta` -1) or next (+1) time with data; stays at the first or last one.
   * Returns false when there was nowhere to go.
   */
  async step(delta) {
    const target = this.neighbourTime(delta);
    if (target == null) return false;
    await this.setTime(this.timeline, target);
    return true;
  }

  /** The previous (`delta` < 0) or next time with data from the current time, or null at the ends. */
  neighbourTime(delta) {
    const index = this.timeIndex();
    let target;
    if (delta > 0) target = index + 1;
    else target = index >= 0 && this.times[index] < this.timeExact ? index : index - 1;
    return target >= 0 && target < this.times.length ? this.times[target] : null;
  }

  /** Index in `times` of the latest time with data at or before the current time; -1 before the first. */
  timeIndex() {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid] <= this.timeExact) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }

  firstTime() {
    return this.times.length ? this.times[0] : 0n;
  }

  lastTime() {
    return this.times.length ? this.times[this.times.length - 1] : BigInt(this.timelineInfo()?.max ?? 0);
  }

  /** Asks for the scene at the current time (`latest`: at the timeline's latest time, whatever it is exactly). */
  async refreshScene(latest = false) {
    const request = ++this._sceneRequest;
    try {
      const scene = await api.scene(this.recording, this.timeline, latest ? null : this.timeExact);
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

  /**
   * Sets some overrides of `entity` (null clears one). Throws, changing nothing, if a value is bad (see
   * overrides.js), so views never see one.
   */
  setOverride(entity, patch) {
    checkOverride(patch);
    const current = this.overrides.get(entity) ?? {};
    const next = { ...current, ...patch };
    for (const k of Object.keys(next)) if (next[k] == null) delete next[k];
    if (Object.keys(next).length) this.overrides.set(entity, next); else this.overrides.delete(entity);
    this.emit();
  }

  /** Hides (`hidden` true) or shows `entity` in every view, and with it everything under it. */
  setHidden(entity, hidden) {
    if (hidden) this.hidden.add(entity); else this.hidden.delete(entity);
    this.emit();
  }

  /** Whether views draw `entity`: neither it nor any entity above it is hidden. */
  isVisible(entity) {
    for (let path = entity; path.length > 1; path = path.slice(0, Math.max(1, path.lastIndexOf('/')))) {
      if (this.hidden.has(path)) return false;
    }
    return !this.hidden.has('/');
  }

  /** Back to the values of the recording for `entity`. */
  clearOverrides(entity) {
    this.overrides.delete(entity);
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

  /** Whether the cloud of `image` takes its colour image's colours (rerun4j extension): the entity's choice, else
   * the 3D view's toggle; off unless asked, so the page draws as Rerun. */
  rgbCloud(image) {
    return this.overrides.get(image.entity)?.rgbCloud ?? this.rgbClouds;
  }

  /** The 3D view's RGB cloud toggle: on colours every cloud from its colour image unless its entity says otherwise. */
  setRgbClouds(on) {
    this.rgbClouds = on;
    this.emit();
  }

  /** The occlusion test of unregistered colour sources (a colour camera under its own pinhole): on, points hidden
   * from the colour camera by nearer ones keep the colormap, as the CLI's --rgb-occlusion. */
  setRgbOcclusion(on) {
    this.rgbOcclusion = on;
    this.emit();
  }

  /** Whether `source` (a scene rgbSource) is coloured with the occlusion test: unregistered, and the test is on. */
  rgbOccluded(source) {
    return this.rgbOcclusion && source?.fit === 'UNREGISTERED';
  }

  /** The URL of `source`'s colours as the page draws them (with the occlusion test when it applies). */
  rgbSourceUrl(source) {
    return this.rgbOccluded(source) ? `${source.imageUrl}&occlusion=1` : source.imageUrl;
  }

  emit() {
    this.dispatchEvent(new Event('change'));
  }

  _setTimeValue(time) {
    this.timeExact = BigInt(time);
    this.time = Number(this.timeExact);
    this.dispatchEvent(new Event('time'));
  }

  async _loadTimes() {
    const info = this.timelineInfo();
    if (info == null) {
      this.times = [];
      this._timesRowCount = -1;
      return;
    }
    if (info.rowCount === this._timesRowCount) return;
    // Live data usually arrives in time order: then fetching only the new times suffices.
    const known = this._timesRowCount >= 0 ? this.times : [];
    let answer = await api.times(this.recording, info.name, known.length ? known[known.length - 1] : null);
    let times = known.concat(answer.times.map((t) => BigInt(t)));
    if (times.length !== answer.total) { // something was logged in between: read them all again
      answer = await api.times(this.recording, info.name);
      times = answer.times.map((t) => BigInt(t));
    }
    this.times = times;
    this._timesRowCount = info.rowCount;
  }
}
