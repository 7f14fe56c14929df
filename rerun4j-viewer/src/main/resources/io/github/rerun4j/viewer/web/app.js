// Boots the page: picks a recording, builds the layout Rerun uses by default (streams tree, a 3D view when a
// pinhole exists, a 2D view per depth image in a grid that fits them all, a dataframe panel below them,
// selection panel, timeline) and keeps it in step with the server's events. Views are modules with one
// shape: create(parent, state, ...) returns { update(), destroy() }. A view that cannot start (no WebGL2) or
// loses its GPU context says so in its frame and in the banner; the other views go on.
//
// URL parameters: ?live=0 skips the server's event stream (no live updates, no connection banner), so
// that headless Chromium's --virtual-time-budget can finish and take a screenshot (README, "The viewer").

import { api } from './api.js';
import { ViewerState } from './state.js';
import { createView2D, parentOf } from './view2d.js';
import { createView3D } from './view3d.js';
import { createDataframeView } from './dataframe.js';
import { createTimeline } from './timeline.js';
import { createEntityTree } from './tree.js';
import { createSelectionPanel } from './selection.js';
import { fitGrid, makeSplit } from './layout.js';

const state = new ViewerState();
const views = new Map(); // key -> view
const viewsElement = document.getElementById('views');
const dataframeElement = document.getElementById('dataframe-panel');
const live = new URLSearchParams(location.search).get('live') !== '0';
const pageProblems = new Map(); // key -> what the page itself cannot do now (server gone, a view without GPU)

// Test and debugging hook: browser tests read state and ask views for their pixels here (player: play/pause).
window.rerun4j = { state, views, errors: [] };
window.addEventListener('error', (e) => window.rerun4j.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.rerun4j.errors.push(String(e.reason?.message ?? e.reason)));

/** Puts (or, with null, clears) one of the page's own problems in the banner. */
function setPageProblem(key, message) {
  if (message == null) pageProblems.delete(key); else pageProblems.set(key, message);
  showProblems();
}

/** A framed view; clicking the title of a view of one entity selects that entity, as in Rerun. */
function viewFrame(key, title, entity, container) {
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
  // Context events do not bubble; a capturing listener on the frame sees those of any canvas inside.
  frame.addEventListener('webglcontextlost', (e) => {
    e.preventDefault(); // tells the browser the page wants the context back
    setPageProblem(`gpu:${key}`, `${title}: the GPU context was lost; the view comes back when the browser restores it`);
  }, true);
  frame.addEventListener('webglcontextrestored', () => {
    setPageProblem(`gpu:${key}`, null);
    startView(key); // textures, programs and buffers are gone with the old context: build the view anew
  }, true);
  container.appendChild(frame);
  return frame;
}

/** A view that could not start: its frame says why, and so does the banner, until it is removed. */
function failedView(key, title, body, error) {
  const message = `${title}: cannot draw: ${error.message}`;
  const note = document.createElement('div');
  note.className = 'view-failed';
  note.textContent = message;
  body.replaceChildren(note);
  setPageProblem(`view:${key}`, message);
  return { update() {}, destroy() { setPageProblem(`view:${key}`, null); }, failed: message };
}

const specs = new Map(); // key -> {title, entity, container, create(body)}: what each view is made from

/** Creates (or re-creates, in its frame) the view `key`; a view that throws becomes a failedView. */
function startView(key) {
  const spec = specs.get(key);
  views.get(key)?.destroy();
  let frame = [...spec.container.children].find((f) => f.dataset.view === key);
  if (!frame) frame = viewFrame(key, spec.title, spec.entity, spec.container);
  const body = frame.querySelector('.body');
  body.replaceChildren();
  let view;
  try {
    view = spec.create(body);
  } catch (e) {
    view = failedView(key, spec.title, body, e);
  }
  views.set(key, view);
  if (state.scene || state.summary) updateView(key, view);
}

function updateView(key, view) {
  try {
    view.update();
  } catch (e) {
    setPageProblem(`update:${key}`, `${specs.get(key)?.title ?? key}: ${e.message}`);
    return;
  }
  if (pageProblems.has(`update:${key}`)) setPageProblem(`update:${key}`, null);
}

/** Creates and removes views so that there is one per thing to show, then updates them all. */
function layoutViews() {
  const wanted = new Map();
  const scene = state.scene;
  if (scene) {
    if (scene.pinholes.length || scene.depthImages.some((d) => d.camera) || scene.colorImages.some((c) => c.imagePlane)) {
      wanted.set('3d', { title: '3D view: /', container: viewsElement, create: (body) => createView3D(body, state) });
    }
    // A 2D view per depth image (drawing its whole space), then one for each other space with only colour images
    // or images that cannot be decoded, which that view names.
    const spaces = new Set();
    const add2D = (entity) => {
      spaces.add(parentOf(entity));
      wanted.set(`2d:${entity}`, { title: `2D view: ${entity}`, entity, container: viewsElement,
        create: (body) => createView2D(body, state, entity) });
    };
    for (const image of scene.depthImages) add2D(image.entity);
    for (const image of [...scene.colorImages, ...scene.imageErrors]) {
      if (!spaces.has(parentOf(image.entity))) add2D(image.entity);
    }
  }
  if (state.summary) {
    wanted.set('dataframe', { title: 'Dataframe', container: dataframeElement,
      create: (body) => createDataframeView(body, state) });
  }
  for (const [key, view] of views) {
    if (!wanted.has(key)) {
      view.destroy();
      specs.get(key).container.querySelector(`[data-view="${CSS.escape(key)}"]`)?.remove();
      views.delete(key);
      specs.delete(key);
      for (const kind of ['update', 'gpu']) setPageProblem(`${kind}:${key}`, null);
    }
  }
  for (const [key, spec] of wanted) {
    if (!views.has(key)) {
      specs.set(key, spec);
      startView(key);
    }
  }
  dataframeElement.hidden = document.getElementById('split').hidden = !views.has('dataframe');
  fitGrid(viewsElement);
  for (const title of document.querySelectorAll('.view > .title[data-entity]')) {
    title.classList.toggle('selected', title.dataset.entity === state.selection);
  }
  for (const [key, view] of views) updateView(key, view);
}

let recordings = []; // /api/recordings: every recording with its problems

/** The problems banner: a failed request, and what the server met reading any recording (damaged files). */
function showProblems() {
  const box = document.getElementById('problems');
  const problems = [...pageProblems.values()];
  if (state.error) problems.push(state.error);
  // Frames that cannot be drawn (blobs that do not decode): named here as well as in their 2D view.
  for (const e of state.scene?.imageErrors ?? []) problems.push(`${e.entity}: cannot draw this ${e.archetype}: ${e.error}`);
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
  // The first recording; also after a reconnect to a restarted server, whose recordings are new.
  if (recordings.length && !recordings.some((r) => r.id === state.recording)) {
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

/** Follows the server's events; while the stream is down the banner says so, and a reconnect catches up. */
function followServer(wasLost = false) {
  let lost = wasLost;
  const source = api.events(async (name, data) => {
    if (name === 'recordings') await loadRecordings();
    if (name === 'data' && data.recording === state.recording) await state.refreshSummary();
    else if (name === 'data') await loadRecordings(); // another recording: its problems may have changed
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.OPEN) return;
    lost = true;
    setPageProblem('connection', 'Lost the connection to the rerun4j viewer server (stopped?): showing what was'
      + ' loaded; reconnecting…');
    // The browser retries by itself while CONNECTING; a CLOSED stream (an HTTP error) needs a new one.
    if (source.readyState === EventSource.CLOSED) setTimeout(() => followServer(true), 3000);
  });
  source.addEventListener('open', () => {
    if (!lost) return;
    lost = false;
    setPageProblem('connection', null);
    // Whatever happened while away: new recordings, new data, or a restarted server with new ids.
    loadRecordings().then(() => state.refreshSummary()).catch((e) => { state.error = e.message; showProblems(); });
  });
}

if (live) followServer();

new ResizeObserver(() => fitGrid(viewsElement)).observe(viewsElement);
makeSplit(document.getElementById('split'), dataframeElement);
loadRecordings().catch((e) => { state.error = e.message; showProblems(); });
