// The JSON API of the Java process (docs/viewer-api.md). Every call rejects with the server's message.

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status} for ${url}`);
  return body;
}

const enc = encodeURIComponent;

// A few recent pixel downloads by URL: enough for every view of the current frame plus the previous one.
const CACHED_DOWNLOADS = 8;
const pixelDownloads = new Map();

// `time` may be a BigInt: nanosecond timestamps must reach the server exactly.
function at(timeline, time) {
  if (timeline == null) return '';
  return time == null ? `&timeline=${enc(timeline)}` : `&timeline=${enc(timeline)}&time=${time}`; // no time: the latest
}

export const api = {
  recordings: () => getJson('/api/recordings'),
  summary: (rec) => getJson(`/api/recordings/${enc(rec)}`),
  /**
   * `{timeline, type, times, total}`: the times with data on `timeline` (after `after`, a BigInt, if given),
   * ascending, as decimal strings; `total` counts all of them.
   */
  times: (rec, timeline, after) =>
    getJson(`/api/recordings/${enc(rec)}/times?timeline=${enc(timeline)}${after == null ? '' : `&after=${after}`}`),
  scene: (rec, timeline, time) => getJson(`/api/recordings/${enc(rec)}/scene?${at(timeline, time).slice(1)}`),
  // rgb: the page colours this depth cloud from a colour image (adds the "Colour: …" line of the texel);
  // occlusion: with the occlusion test (an unregistered colour source)
  hover: (rec, entity, timeline, time, x, y, rgb = false, occlusion = false) =>
    getJson(`/api/recordings/${enc(rec)}/hover?entity=${enc(entity)}${at(timeline, time)}&x=${x}&y=${y}`
      + `${rgb ? '&rgb=1' : ''}${rgb && occlusion ? '&occlusion=1' : ''}`),
  /**
   * Raw little-endian pixels as an ArrayBuffer (read-only for callers: it is shared). The URL names the row,
   * so the 2D view, the 3D view and the hover zoom showing the same image share one download.
   */
  pixels(url) {
    let entry = pixelDownloads.get(url);
    if (entry) {
      pixelDownloads.delete(url); // re-inserted below: most recently used last
    } else {
      entry = fetch(url).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
        return response.arrayBuffer();
      });
      entry.catch(() => { if (pixelDownloads.get(url) === entry) pixelDownloads.delete(url); }); // retry later
    }
    pixelDownloads.set(url, entry);
    while (pixelDownloads.size > CACHED_DOWNLOADS) pixelDownloads.delete(pixelDownloads.keys().next().value);
    return entry;
  },
  /** Calls onEvent(name, data) for every server event; returns the EventSource. */
  events(onEvent) {
    const source = new EventSource('/api/events');
    for (const name of ['recordings', 'data']) {
      source.addEventListener(name, (e) => onEvent(name, JSON.parse(e.data)));
    }
    return source;
  },
};
