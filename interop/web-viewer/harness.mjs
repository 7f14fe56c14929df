// Shared by check-rrd.mjs (one file) and watch-proxy.mjs (a live gRPC proxy): the page that hosts the
// official web viewer, the small server for it, and Chromium's launch and cleanup.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const VIEWER_DIR = path.join(HERE, "node_modules", "@rerun-io", "web-viewer");
export const DEFAULT_TIMELINES = ["log_tick", "log_time", "frame", "frame_nr"];
export const POLL_MS = 400;
export const STABLE_POLLS = 4;      // identical state this many polls in a row = loaded
export const FAIL_GRACE_MS = 2500;  // after a load error / finished source with nothing open
export const VIEWPORT = { width: 1280, height: 800 };

// Console lines this environment always prints (software WebGL, headless).
export const ENVIRONMENT_NOISE = [
  /Software rasterizer detected/i,
  /GPU stall due to ReadPixels/i,
  /RequestUserAttention.*not implemented/i,
];
// Viewer lines meaning the data could not be loaded (decode errors come as WARN).
export const LOAD_FAILURE = /Data source has left unexpectedly|Failed to decode|Codec error|Failed to load|Failed to open|Failed to fetch|panicked|Rerun has crashed/i;
// Viewer lines meaning the data source has delivered everything.
export const SOURCE_DONE = /has finished|Finished decoding|Data source has left unexpectedly|Closing channel/i;

// ---------------------------------------------------------------- the page

export const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>html,body{margin:0;height:100%;overflow:hidden;background:#000}#root{position:absolute;inset:0}</style>
<script>
// The web viewer logs at DEBUG; naga/wgpu alone print ~100k lines per load, and
// shipping each one over CDP stalls the page. Keep only Rerun's own (re_*) lines.
window.__dropped = 0;
for (const level of ["debug", "log", "info"]) {
  const orig = console[level].bind(console);
  console[level] = (...args) => {
    if (typeof args[0] === "string" && /^\\s*(TRACE|DEBUG) (?!re_)/.test(args[0])) { window.__dropped++; return; }
    orig(...args);
  };
}
</script></head><body><div id="root"></div><script type="module" src="/app.mjs"></script></body></html>`;

export const pageJs = (source) => `import { WebViewer } from "/viewer/index.js";
const state = { opened: null, startError: null, started: false };
window.__check = state;
const viewer = new WebViewer();
viewer.on("recording_open", (e) => { if (!state.opened) state.opened = e; });
state.query = (names) => {
  const out = { recording_id: null, timelines: {}, fail: null };
  const fail = document.querySelector(".rerun-fail-message");
  if (fail) out.fail = (fail.textContent + " " + (document.querySelector(".rerun-fail-error")?.textContent ?? "")).trim();
  if (!viewer.ready) return out;
  out.recording_id = viewer.get_active_recording_id();
  if (!out.recording_id) return out;
  const active = viewer.get_active_timeline(out.recording_id);
  for (const name of new Set([...names, ...(active ? [active] : [])])) {
    const r = viewer.get_time_range(out.recording_id, name);
    if (r) out.timelines[name] = { min: r.min, max: r.max };
  }
  return out;
};
state.pause = () => { const id = viewer.get_active_recording_id(); if (id) viewer.set_playing(id, false); };
viewer.start(${source}, document.getElementById("root"),
    { hide_welcome_screen: true, render_backend: "webgl", width: "100vw", height: "100vh" })
  .then(() => { state.started = true; }, (e) => { state.startError = String(e?.stack ?? e); });
`;

// source: the JS expression the page opens (an .rrd served here as /data/input.rrd, or a proxy URL).
export function serve(rrdFile, source = 'location.origin + "/data/input.rrd"') {
  const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
                  ".json": "application/json", ".html": "text/html", ".ts": "text/plain", ".map": "application/json" };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x").pathname;
    const send = (status, type, body) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    const sendFile = (file, type) => fs.readFile(file, (err, data) =>
      err ? send(404, "text/plain", "not found") : send(200, type, data));
    if (url === "/") return send(200, "text/html; charset=utf-8", PAGE_HTML);
    if (url === "/app.mjs") return send(200, "text/javascript", pageJs(source));
    if (url === "/data/input.rrd" && rrdFile) return sendFile(rrdFile, "application/octet-stream");
    const m = /^\/viewer\/([\w.-]+)$/.exec(url);
    if (m) {
      // index.js does import("./re_viewer") without an extension.
      const name = m[1] === "re_viewer" ? "re_viewer.js" : m[1];
      return sendFile(path.join(VIEWER_DIR, name), types[path.extname(name)] ?? "application/octet-stream");
    }
    send(404, "text/plain", "not found");
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ---------------------------------------------------------------- chromium

export function chromiumBinary() {
  return process.env.RERUN4J_CHROMIUM || "/usr/bin/chromium";
}

export function launchChromium(profileDir) {
  const args = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--use-angle=swiftshader", "--use-gl=angle", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--disable-quic", "--disable-extensions",
    "--disable-breakpad", "--disable-crash-reporter", "--mute-audio",
    `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    `--user-data-dir=${profileDir}`,
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
    "about:blank",
  ];
  // detached: own process group, so the whole tree can be killed at once.
  const proc = spawn(chromiumBinary(), args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  const wsUrl = new Promise((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => reject(new Error("chromium did not print its DevTools URL in 30 s")), 30000);
    proc.stderr.on("data", (d) => {
      buf += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
      if (m) { clearTimeout(timer); resolve(m[1]); }
      if (buf.length > 100000) buf = buf.slice(-10000);
    });
    proc.once("error", (e) => { clearTimeout(timer); reject(e); });
    proc.once("exit", (code, sig) => { clearTimeout(timer); reject(new Error(`chromium exited early (${code ?? sig})`)); });
  });
  return { proc, wsUrl };
}

export function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

// Processes that left the group (crashpad calls setsid) but still use our profile.
export function strayPids(profileDir) {
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(profileDir)) pids.push(Number(entry));
    } catch { /* exited meanwhile */ }
  }
  return pids;
}

export function cleanupSync(ctx) {
  if (ctx.cleaned) return;
  ctx.cleaned = true;
  if (ctx.proc) {
    killGroup(ctx.proc.pid, "SIGKILL");
    for (const pid of strayPids(ctx.profileDir)) { try { process.kill(pid, "SIGKILL"); } catch { /* gone */ } }
  }
  try { ctx.server?.close(); ctx.server?.closeAllConnections?.(); } catch { /* ignore */ }
  try { fs.rmSync(ctx.profileDir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* ignore */ }
}

export async function cleanup(ctx) {
  if (ctx.cleaned) return;
  if (ctx.browser) await Promise.race([ctx.browser.close().catch(() => {}), sleep(3000)]);
  if (ctx.proc && ctx.proc.exitCode === null && ctx.proc.signalCode === null) {
    killGroup(ctx.proc.pid, "SIGTERM");
    const exited = new Promise((r) => ctx.proc.once("exit", r));
    await Promise.race([exited, sleep(2000)]);
  }
  cleanupSync(ctx);  // SIGKILL whatever is left, strays, profile dir
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
