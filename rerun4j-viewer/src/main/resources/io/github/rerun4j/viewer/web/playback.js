// Play/pause: moves the time forward through the recording like Rerun's play button. Sequence timelines
// step through the times with data at STEPS_PER_SECOND; timestamp and duration timelines run in real time
// (the cursor moves continuously; the scene shows the latest data at or before it). Playback stops at the
// last time; playing from there starts over at the first. Each step waits for its scene, so a slow server
// slows playback down instead of piling up requests.

const STEPS_PER_SECOND = 10;
const REAL_TIME_TICK_MS = 50;

export class Player extends EventTarget {
  constructor(state) {
    super();
    this.state = state;
    this.playing = false;
    this._run = 0;
  }

  toggle() {
    if (this.playing) this.pause(); else this.play();
  }

  play() {
    const state = this.state;
    if (this.playing || state.times.length === 0) return;
    this.playing = true;
    this._changed();
    this._loop(++this._run);
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    this._run++;
    this._changed();
  }

  async _loop(run) {
    const state = this.state;
    const timeline = state.timeline;
    if (state.timeExact >= state.lastTime()) await state.setTime(timeline, state.firstTime());
    const realTime = state.timelineInfo()?.type !== 'sequence';
    let last = performance.now();
    while (run === this._run) {
      await sleep(realTime ? REAL_TIME_TICK_MS : 1000 / STEPS_PER_SECOND);
      if (run !== this._run) return;
      if (state.timeline !== timeline || state.times.length === 0) { this.pause(); return; }
      const now = performance.now();
      let target;
      if (realTime) {
        target = state.timeExact + BigInt(Math.round((now - last) * 1e6));
        const end = state.lastTime();
        if (target > end) target = end;
      } else {
        target = state.neighbourTime(+1) ?? state.lastTime();
      }
      last = now;
      await state.setTime(timeline, target);
      if (state.timeExact >= state.lastTime()) { if (run === this._run) this.pause(); return; }
    }
  }

  _changed() {
    this.dispatchEvent(new Event('change'));
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
