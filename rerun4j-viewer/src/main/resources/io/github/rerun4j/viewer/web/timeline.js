// The timeline panel: choose the timeline, scrub over the times with data (the scrubber snaps to them),
// play/pause, step back/forward, and the time in the timeline's own units. Keyboard, as in Rerun: space
// plays/pauses, left/right step (not while typing in a field).

import { formatTime } from './timeformat.js';
import { Player } from './playback.js';

// Drawn, not font glyphs: ⏮ and ⏭ are missing from many fonts.
const svg = (path) => `<svg viewBox="0 0 16 16" aria-hidden="true"><path d="${path}"/></svg>`;
const ICONS = {
  play: svg('M4 2l10 6-10 6z'),
  pause: svg('M3 2h4v12H3zM9 2h4v12H9z'),
  stepBack: svg('M2 2h2v12H2zM14 2v12L5 8z'),
  stepForward: svg('M12 2h2v12h-2zM2 2v12l9-6z'),
};

export function createTimeline(footer, state) {
  footer.innerHTML = `<select class="timeline-name" title="Timeline"></select>
    <button class="step-back" title="Previous time with data (←)" aria-label="step back">${ICONS.stepBack}</button>
    <button class="play" title="Play (space)" aria-label="play">${ICONS.play}</button>
    <button class="step-forward" title="Next time with data (→)" aria-label="step forward">${ICONS.stepForward}</button>
    <input class="scrubber" type="range" min="0" max="0" step="1" value="0" title="Time">
    <span class="time-label"></span>`;
  const picker = footer.querySelector('.timeline-name');
  const scrubber = footer.querySelector('.scrubber');
  const label = footer.querySelector('.time-label');
  const playButton = footer.querySelector('.play');
  const player = new Player(state);

  picker.addEventListener('change', () => {
    player.pause();
    picker.blur(); // so that space and the arrows play and step again instead of changing the timeline
    state.setTimeline(picker.value || null);
  });
  scrubber.addEventListener('input', () => {
    player.pause();
    const time = state.times[Number(scrubber.value)];
    if (time != null) state.setTime(state.timeline, time);
  });
  playButton.addEventListener('click', () => player.toggle());
  footer.querySelector('.step-back').addEventListener('click', () => { player.pause(); state.step(-1); });
  footer.querySelector('.step-forward').addEventListener('click', () => { player.pause(); state.step(+1); });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // Fields and the override form keep their own keys (typing, choosing, the fill slider's arrows).
    if (e.target.closest?.('input:not([type=range]), select, textarea, [contenteditable], form')) return;
    const actions = {
      ' ': () => player.toggle(),
      ArrowLeft: () => { player.pause(); state.step(-1); },
      ArrowRight: () => { player.pause(); state.step(+1); },
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault(); // no page scroll, no second action from a focused button or slider
    action();
  });

  function showTime() {
    const info = state.timelineInfo();
    const index = state.timeIndex();
    scrubber.max = Math.max(state.times.length - 1, 0);
    scrubber.value = Math.max(index, 0);
    scrubber.disabled = state.times.length === 0;
    label.textContent = info ? formatTime(info.type, state.timeExact) : 'static';
    label.title = info ? `${info.name} (${info.type}): ${index + 1} of ${state.times.length} times with data` : '';
  }

  function showPlaying() {
    playButton.innerHTML = player.playing ? ICONS.pause : ICONS.play;
    playButton.setAttribute('aria-label', player.playing ? 'pause' : 'play');
    playButton.title = player.playing ? 'Pause (space)' : 'Play (space)';
    playButton.classList.toggle('playing', player.playing);
  }

  state.addEventListener('time', showTime);
  player.addEventListener('change', showPlaying);

  return {
    player,
    update() {
      const timelines = state.summary?.timelines ?? [];
      const names = timelines.map((t) => t.name).join('\n');
      if (picker.dataset.names !== names) { // rebuilding would close an open picker
        picker.replaceChildren(...timelines.map((t) => new Option(`${t.name} (${t.type})`, t.name)));
        picker.dataset.names = names;
      }
      picker.value = state.timeline ?? '';
      showTime();
      showPlaying();
    },
  };
}
