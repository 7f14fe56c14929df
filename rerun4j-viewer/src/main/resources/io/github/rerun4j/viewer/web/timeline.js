// The timeline panel: choose the timeline and scrub it. (Play/step/units: see the viewer issue.)

export function createTimeline(footer, state) {
  footer.innerHTML = `<select class="timeline-name" title="Timeline"></select>
    <input class="scrubber" type="range" min="0" max="0" step="1" value="0">
    <span class="time-label"></span>`;
  const picker = footer.querySelector('.timeline-name');
  const scrubber = footer.querySelector('.scrubber');
  const label = footer.querySelector('.time-label');
  picker.addEventListener('change', () => {
    const info = state.summary.timelines.find((t) => t.name === picker.value);
    state.setTime(picker.value, info.max);
  });
  scrubber.addEventListener('input', () => state.setTime(state.timeline, Number(scrubber.value)));
  return {
    update() {
      const timelines = state.summary?.timelines ?? [];
      picker.replaceChildren(...timelines.map((t) => new Option(t.name, t.name)));
      picker.value = state.timeline ?? '';
      const info = state.timelineInfo();
      scrubber.min = info?.min ?? 0;
      scrubber.max = info?.max ?? 0;
      scrubber.value = state.time;
      label.textContent = info ? String(state.time) : 'static';
    },
  };
}
