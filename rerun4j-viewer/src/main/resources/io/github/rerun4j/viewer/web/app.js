// Boots the page: picks a recording, builds the layout Rerun uses by default (streams tree, a 3D view when a
// pinhole exists, a 2D view per depth image, a dataframe view, selection panel, timeline) and keeps it in
// step with the server's events. Views are modules with one shape: create(parent, state, ...) returns
// { update(), destroy() }.

import { api } from './api.js';
import { ViewerState } from './state.js';
import { createView2D } from './view2d.js';
import { createView3D } from './view3d.js';
import { createDataframeView } from './dataframe.js';
import { createTimeline } from './timeline.js';
import { createEntityTree } from './tree.js';
import { createSelectionPanel } from './selection.js';

const state = new ViewerState();
const views = new Map(); // key -> view
const viewsElement = document.getElementById('views');

// Test and debugging hook: browser tests read state and ask views for their pixels here (player: play/pause).
window.rerun4j = { state, views, errors: [] };
window.addEventListener('error', (e) => window.rerun4j.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.rerun4j.errors.push(String(e.reason?.message ?? e.reason)));

/** A framed view; clicking the title of a view of one entity selects that entity, as in Rerun. */
function viewFrame(key, title, entity) {
  const frame = document.createElement('div');
  frame.className = 'view';
  frame.dataset.view = key;
  frame.innerHTML = `<div class="title"></div><div class="body"></div>`;
  const titleElement = frame.querySelector('.title');
  titleElement.textContent = title;
  if (entity) {
    titleElement.dataset.entity = entity;
    titleElement.addEventListener('click', () => state.select(entity));
  }
  viewsElement.appendChild(frame);
  return frame.querySelector('.body');
}

/** Creates and removes views so that there is one per thing to show, then updates them all. */
function layoutViews() {
  const wanted = new Map();
  const scene = state.scene;
  if (scene) {
    if (scene.pinholes.length || scene.depthImages.some((d) => d.camera)) {
      wanted.set('3d', () => createView3D(viewFrame('3d', '3D view: /'), state));
    }
    for (const image of scene.depthImages) {
      const key = `2d:${image.entity}`;
      wanted.set(key, () => createView2D(viewFrame(key, `2D view: ${image.entity}`, image.entity), state, image.entity));
    }
  }
  if (state.summary) {
    wanted.set('dataframe', () => createDataframeView(viewFrame('dataframe', 'Dataframe'), state));
  }
  for (const [key, view] of views) {
    if (!wanted.has(key)) {
      view.destroy();
      viewsElement.querySelector(`[data-view="${CSS.escape(key)}"]`)?.remove();
      views.delete(key);
    }
  }
  for (const [key, create] of wanted) {
    if (!views.has(key)) views.set(key, create());
  }
  for (const title of viewsElement.querySelectorAll('.title[data-entity]')) {
    title.classList.toggle('selected', title.dataset.entity === state.selection);
  }
  for (const view of views.values()) view.update();
}

let recordings = []; // /api/recordings: every recording with its problems

/** The problems banner: a failed request, and what the server met reading any recording (damaged files). */
function showProblems() {
  const box = document.getElementById('problems');
  const problems = [];
  if (state.error) problems.push(state.error);
  for (const r of recordings) {
    // The open recording's summary is fresher than the list.
    const list = r.id === state.recording && state.summary ? state.summary.problems : r.problems;
    for (const p of list ?? []) problems.push(`${r.applicationId} (${r.source}): ${p}`);
  }
  box.hidden = problems.length === 0;
  box.replaceChildren(...problems.map((text) => {
    const line = document.createElement('div');
    line.className = 'problem';
    line.textContent = text;
    return line;
  }));
}

async function loadRecordings() {
  const picker = document.getElementById('recording-picker');
  recordings = await api.recordings();
  picker.hidden = recordings.length < 2;
  picker.replaceChildren(...recordings.map((r) => {
    const option = document.createElement('option');
    option.value = r.id;
    option.textContent = `${r.applicationId} (${r.source})`;
    return option;
  }));
  document.getElementById('status').textContent = recordings.length ? '' : 'Waiting for data…';
  if (state.recording == null && recordings.length) {
    await state.openRecording(recordings[0].id);
  }
  picker.value = state.recording ?? '';
  showProblems();
}

document.getElementById('recording-picker').addEventListener('change', (e) => {
  timeline.player.pause();
  state.openRecording(e.target.value);
});

const timeline = createTimeline(document.getElementById('timeline'), state);
const panels = [
  createEntityTree(document.getElementById('entity-tree'), state),
  createSelectionPanel(document.getElementById('selection-body'), state),
  timeline,
];
window.rerun4j.player = timeline.player;

state.addEventListener('change', () => {
  showProblems();
  layoutViews();
  for (const panel of panels) panel.update();
});

api.events(async (name, data) => {
  if (name === 'recordings') await loadRecordings();
  if (name === 'data' && data.recording === state.recording) await state.refreshSummary();
  else if (name === 'data') await loadRecordings(); // another recording: its problems may have changed
});

loadRecordings().catch((e) => { state.error = e.message; showProblems(); });
