// The dataframe view: Rerun's table of every logged row (one per entity and time, a column per component),
// read a page at a time from /api/recordings/{id}/dataframe. Cells are the server's text, shown as they come.
// The view refetches only when the recording's data or its own filters change; moving the time only moves
// the highlight of the rows that are current (latest-at) at that time.

import { cell, entityPrefixes, headerCell, option, scrollIntoViewWithin } from './dataframe-dom.js';

const PAGE_SIZE = 100;
const enc = encodeURIComponent;

export function createDataframeView(parent, state) {
  const root = document.createElement('div');
  root.className = 'dataframe';
  root.innerHTML = `
    <div class="df-controls">
      <label>Timeline <select class="df-timeline"></select></label>
      <label>Entity <select class="df-entity"></select></label>
      <span class="df-paging">
        <button type="button" class="df-prev" title="Previous rows">‹</button>
        <span class="df-range"></span>
        <button type="button" class="df-next" title="Next rows">›</button>
      </span>
      <a class="df-export" download>Export CSV</a>
    </div>
    <div class="df-error" hidden></div>
    <div class="df-scroll"><table class="df-table"><thead></thead><tbody></tbody></table></div>`;
  parent.appendChild(root);
  const timelineSelect = root.querySelector('.df-timeline');
  const entitySelect = root.querySelector('.df-entity');
  const prevButton = root.querySelector('.df-prev');
  const nextButton = root.querySelector('.df-next');
  const rangeLabel = root.querySelector('.df-range');
  const exportLink = root.querySelector('.df-export');
  const errorBox = root.querySelector('.df-error');
  const scroller = root.querySelector('.df-scroll');
  const thead = root.querySelector('thead');
  const tbody = root.querySelector('tbody');

  let recording = null;
  let summary = null;       // the summary the options and the shown page were built from
  let timelineChoice = null; // null: follow the page's timeline; else a timeline name, '' for static rows only
  let entityFilter = '';    // '' for every entity, else a path prefix
  let offset = 0;
  let queriedTimeline = null;
  let fetchedKey = null;    // the query of the page shown or on its way
  let page = null;          // the DataframeJson page shown
  let request = 0;          // numbers the fetches; the newest answer for the current query wins
  let shownRequest = 0;
  let optionsKey = null;    // the timeline and entity names the selects were built from
  let highlightedTime = null;
  let renderedKey = null;

  const timeline = () => timelineChoice ?? state.timeline ?? '';

  function queryString(withPage) {
    let q = `timeline=${enc(timeline())}`;
    if (entityFilter) q += `&entity=${enc(entityFilter)}`;
    if (withPage) q += `&offset=${offset}&limit=${PAGE_SIZE}`;
    return q;
  }

  timelineSelect.addEventListener('change', () => {
    timelineChoice = timelineSelect.value;
    offset = 0;
    refresh();
  });
  entitySelect.addEventListener('change', () => {
    entityFilter = entitySelect.value;
    offset = 0;
    refresh();
  });
  // Clicking a row selects its entity, as in Rerun.
  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-entity]');
    if (tr) state.select(tr.dataset.entity);
  });
  prevButton.addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    refresh();
  });
  nextButton.addEventListener('click', () => {
    if (page && offset + PAGE_SIZE < page.totalRows) offset += PAGE_SIZE;
    refresh();
  });

  /** Fetches the page of the current query unless it is the one shown (or asked for) already. */
  async function refresh(force = false) {
    const key = `${recording}\n${queryString(true)}`;
    if (!force && key === fetchedKey) return;
    fetchedKey = key;
    const mine = ++request;
    const stale = () => key !== fetchedKey || mine < shownRequest;
    root.dataset.state = 'loading';
    exportLink.href = `/api/recordings/${enc(recording)}/dataframe.csv?${queryString(false)}`;
    try {
      const response = await fetch(`/api/recordings/${enc(recording)}/dataframe?${queryString(true)}`);
      const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
      // Another query was asked for meanwhile. (Not merely a newer fetch of this one: live data refetches
      // every 100 ms, and a slow answer must still be shown.)
      if (stale()) return;
      if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
      if (body.rows.length === 0 && offset > 0 && body.totalRows > 0) {
        // Past the end (the table shrank): show its last page instead.
        offset = Math.floor((body.totalRows - 1) / PAGE_SIZE) * PAGE_SIZE;
        refresh();
        return;
      }
      page = body;
      shownRequest = mine;
      errorBox.hidden = true;
      render();
      root.dataset.state = 'ready';
    } catch (e) {
      if (stale()) return;
      fetchedKey = null; // try again at the next update
      errorBox.textContent = `Cannot read the dataframe: ${e.message}`;
      errorBox.hidden = false;
      root.dataset.state = 'error';
    }
  }

  function render() {
    if (fetchedKey !== renderedKey) {
      renderedKey = fetchedKey; // another page or filter: start at its top (live updates keep the scroll)
      scroller.scrollTop = 0;
    }
    const headRow = document.createElement('tr');
    headRow.append(headerCell('', 'Entity', 'df-entity-col'), headerCell('', page.timeline ?? 'time', 'df-time-col'));
    for (const column of page.columns) {
      const th = headerCell(column.archetype, column.field, 'df-component');
      th.dataset.component = column.component;
      th.title = `${column.component}\nentities: ${column.entities.join(', ')}`;
      headRow.append(th);
    }
    thead.replaceChildren(headRow);
    tbody.replaceChildren(...page.rows.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset.entity = row.entity;
      tr.dataset.rowId = row.rowId;
      if (row.time != null) tr.dataset.time = row.time;
      tr.append(cell(row.entity, 'df-entity-col'), cell(row.timeText, 'df-time-col'));
      for (const text of row.cells) tr.append(cell(text, text === '-' || text === 'null' ? 'df-empty' : ''));
      return tr;
    }));
    const last = offset + page.rows.length;
    rangeLabel.textContent = page.totalRows === 0 ? 'no rows' : `rows ${offset + 1}–${last} of ${page.totalRows}`;
    prevButton.disabled = offset === 0;
    nextButton.disabled = last >= page.totalRows;
    highlight();
  }

  /**
   * Marks, per entity, the row latest-at the current time would pick: its last row at or before the time. Only
   * when the page shows that this row is the last such one (a later row of the entity follows, on this page).
   */
  function highlight() {
    const sameTimeline = page && page.timeline != null && page.timeline === state.timeline;
    const rows = [...tbody.rows];
    rows.forEach((tr, i) => {
      let current = false;
      if (sameTimeline && tr.dataset.time != null && BigInt(tr.dataset.time) <= state.timeExact) {
        const next = rows[i + 1];
        const nextIsLater = next && next.dataset.entity === tr.dataset.entity
          && next.dataset.time != null && BigInt(next.dataset.time) > state.timeExact;
        const entityEndsHere = next ? next.dataset.entity !== tr.dataset.entity : offset + rows.length >= page.totalRows;
        current = nextIsLater || entityEndsHere;
      }
      tr.classList.toggle('current', current);
      tr.classList.toggle('selected', tr.dataset.entity === state.selection);
    });
    // When the time moved, bring its row into view (only then: the user may be scrolling the table).
    if (sameTimeline && highlightedTime !== state.timeExact) {
      highlightedTime = state.timeExact;
      const first = tbody.querySelector('tr.current');
      if (first) scrollIntoViewWithin(scroller, first);
    }
  }

  /** The options of both selects, from the summary; a choice that no longer exists falls back to the default. */
  function buildOptions() {
    const names = summary.timelines.map((t) => t.name);
    const prefixes = entityPrefixes(summary.entities.map((e) => e.path));
    const key = JSON.stringify([names, prefixes]);
    if (key === optionsKey) return; // rebuilding would close a select the user has open
    optionsKey = key;
    if (timelineChoice != null && timelineChoice !== '' && !names.includes(timelineChoice)) timelineChoice = null;
    timelineSelect.replaceChildren(...names.map((n) => option(n, n)), option('', 'static only'));
    if (entityFilter && !prefixes.includes(entityFilter)) entityFilter = '';
    entitySelect.replaceChildren(option('', 'all entities'), ...prefixes.map((p) => option(p, p)));
  }

  return {
    update() {
      if (state.recording == null || state.summary == null) return;
      if (state.recording !== recording) {
        recording = state.recording;
        timelineChoice = null;
        entityFilter = '';
        offset = 0;
        page = null;
        optionsKey = null;
      }
      const newData = state.summary !== summary;
      if (newData) {
        summary = state.summary;
        buildOptions();
      }
      if (timeline() !== queriedTimeline) {
        queriedTimeline = timeline(); // following the page to another timeline: back to the first rows
        offset = 0;
      }
      timelineSelect.value = timeline();
      entitySelect.value = entityFilter;
      refresh(newData);
      if (page) highlight();
    },
    destroy() {
      request++;
      root.remove();
    },
    /** For tests: the query of the page shown and whether it is loaded. */
    get loaded() {
      return root.dataset.state === 'ready' && fetchedKey === `${recording}\n${queryString(true)}`;
    },
    scroller,
  };
}
