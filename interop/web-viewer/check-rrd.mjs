#!/usr/bin/env node
// Load one .rrd into the official Rerun web viewer (@rerun-io/web-viewer, see
// package.json) running in headless Chromium, and print ONE JSON object on
// stdout describing what the viewer did.
//
//   node check-rrd.mjs FILE.rrd [--timeout-ms N] [--screenshot OUT.png] [--timeline NAME]...
//
// Exit code: 0 = a recording opened and the viewer printed no errors, no load
// errors and no unexpected warnings; 1 = anything else; 2 = bad usage.
//
// Chromium: /usr/bin/chromium, or $RERUN4J_CHROMIUM. Playwright only attaches
// to it over CDP; no browser is ever downloaded.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const VIEWER_DIR = path.join(HERE, "node_modules", "@rerun-io", "web-viewer");
const DEFAULT_TIMELINES = ["log_tick", "log_time", "frame", "frame_nr"];
const POLL_MS = 400;
const STABLE_POLLS = 4;      // identical state this many polls in a row = loaded
const FAIL_GRACE_MS = 2500;  // after a load error / finished source with nothing open
const VIEWPORT = { width: 1280, height: 800 };

// Console lines this environment always prints (software WebGL, headless).
const ENVIRONMENT_NOISE = [
  /Software rasterizer detected/i,
  /GPU stall due to ReadPixels/i,
  /RequestUserAttention.*not implemented/i,
];
// Viewer lines meaning the data could not be loaded (decode errors come as WARN).
const LOAD_FAILURE = /Data source has left unexpectedly|Failed to decode|Codec error|Failed to load|Failed to open|Failed to fetch|panicked|Rerun has crashed/i;
// Viewer lines meaning the data source has delivered everything.
const SOURCE_DONE = /has finished|Finished decoding|Data source has left unexpectedly|Closing channel/i;

function usage(msg) {
  if (msg) process.stderr.write(`check-rrd: ${msg}\n`);
  process.stderr.write(
    "usage: node check-rrd.mjs FILE.rrd [--timeout-ms N] [--screenshot OUT.png] [--timeline NAME]...\n");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { file: null, timeoutMs: 30000, screenshot: null, timelines: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === "--help" || a === "-h") usage();
    else if (a === "--timeout-ms") {
      opts.timeoutMs = Number(value());
      if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs <= 0) usage("--timeout-ms must be a positive integer");
    } else if (a === "--screenshot") opts.screenshot = path.resolve(value());
    else if (a === "--timeline") opts.timelines.push(value());
    else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else if (opts.file === null) opts.file = path.resolve(a);
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.file) usage("no FILE.rrd given");
  if (!fs.existsSync(opts.file) || !fs.statSync(opts.file).isFile()) usage(`no such file: ${opts.file}`);
  if (!fs.existsSync(path.join(VIEWER_DIR, "index.js"))) usage(`viewer package missing: run 'npm ci' in ${HERE}`);
  return opts;
}

// ---------------------------------------------------------------- the page

const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
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

const PAGE_JS = `import { WebViewer } from "/viewer/index.js";
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
viewer.start(location.origin + "/data/input.rrd", document.getElementById("root"),
    { hide_welcome_screen: true, render_backend: "webgl", width: "100vw", height: "100vh" })
  .then(() => { state.started = true; }, (e) => { state.startError = String(e?.stack ?? e); });
`;

function serve(rrdFile) {
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
    if (url === "/app.mjs") return send(200, "text/javascript", PAGE_JS);
    if (url === "/data/input.rrd") return sendFile(rrdFile, "application/octet-stream");
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

function chromiumBinary() {
  return process.env.RERUN4J_CHROMIUM || "/usr/bin/chromium";
}

function launchChromium(profileDir) {
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

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

// Processes that left the group (crashpad calls setsid) but still use our profile.
function strayPids(profileDir) {
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(profileDir)) pids.push(Number(entry));
    } catch { /* exited meanwhile */ }
  }
  return pids;
}

function cleanupSync(ctx) {
  if (ctx.cleaned) return;
  ctx.cleaned = true;
  if (ctx.proc) {
    killGroup(ctx.proc.pid, "SIGKILL");
    for (const pid of strayPids(ctx.profileDir)) { try { process.kill(pid, "SIGKILL"); } catch { /* gone */ } }
  }
  try { ctx.server?.close(); ctx.server?.closeAllConnections?.(); } catch { /* ignore */ }
  try { fs.rmSync(ctx.profileDir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* ignore */ }
}

async function cleanup(ctx) {
  if (ctx.cleaned) return;
  if (ctx.browser) await Promise.race([ctx.browser.close().catch(() => {}), sleep(3000)]);
  if (ctx.proc && ctx.proc.exitCode === null && ctx.proc.signalCode === null) {
    killGroup(ctx.proc.pid, "SIGTERM");
    const exited = new Promise((r) => ctx.proc.once("exit", r));
    await Promise.race([exited, sleep(2000)]);
  }
  cleanupSync(ctx);  // SIGKILL whatever is left, strays, profile dir
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- main

function classify(consoleLines, result) {
  if (classify.done) return;  // once: the end of main, a signal or the watchdog
  classify.done = true;
  result.console_lines = consoleLines.length;
  result.source_finished = consoleLines.some((l) => SOURCE_DONE.test(l.text));
  for (const { type, text } of consoleLines) {
    const t = text.trim();
    const short = t.length > 4000 ? t.slice(0, 4000) + "…" : t;
    if (LOAD_FAILURE.test(text)) result.load_errors.push(short);
    if (type === "error") result.console_errors.push(short);
    else if (type === "warning" && !ENVIRONMENT_NOISE.some((re) => re.test(text))) {
      if (!LOAD_FAILURE.test(text)) result.viewer_warnings.push(short);
    }
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const result = {
    file: opts.file, opened: false, application_id: null, recording_id: null, recording_source: null,
    sdk_version: null, timelines: {}, console_errors: [], viewer_warnings: [], load_errors: [], errors: [],
    screenshot: null, source_finished: false, console_lines: 0, timings_ms: {}, ok: false,
  };
  const ctx = { profileDir: fs.mkdtempSync(path.join(os.tmpdir(), "rerun4j-check-")), cleaned: false };
  const consoleLines = [];
  let finished = false;

  const finish = (code) => {
    if (finished) return;
    finished = true;
    result.timings_ms.total = Date.now() - t0;
    process.exitCode = code;
    // Exit once written: pending race timers must not keep the process alive.
    process.stdout.write(JSON.stringify(result, null, 2) + "\n", () => process.exit(code));
  };
  // Hard watchdog: whatever hangs (CDP, page, chromium), we still report and clean up.
  const watchdog = setTimeout(() => {
    result.errors.push(`watchdog: check did not finish in ${opts.timeoutMs + 60000} ms`);
    classify(consoleLines, result);
    cleanupSync(ctx);
    finish(1);
    setTimeout(() => process.exit(1), 2000).unref();
  }, opts.timeoutMs + 60000);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(sig, () => {
      result.errors.push(`interrupted by ${sig}`);
      classify(consoleLines, result);
      cleanupSync(ctx);
      finish(1);
      setTimeout(() => process.exit(1), 2000).unref();
    });
  }
  process.once("exit", () => cleanupSync(ctx));

  try {
    ctx.server = await serve(opts.file);
    const base = `http://127.0.0.1:${ctx.server.address().port}`;
    const launched = launchChromium(ctx.profileDir);
    ctx.proc = launched.proc;
    ctx.browser = await chromium.connectOverCDP(await launched.wsUrl);
    const page = await (await ctx.browser.newContext({ viewport: VIEWPORT })).newPage();
    page.on("console", (m) => consoleLines.push({ type: m.type(), text: m.text() }));
    page.on("pageerror", (e) => consoleLines.push({ type: "error", text: `pageerror: ${e.stack || e}` }));
    page.on("crash", () => result.errors.push("page crashed"));
    result.timings_ms.browser = Date.now() - t0;
    await page.goto(base + "/", { waitUntil: "load", timeout: opts.timeoutMs });

    // Poll until a recording is open and its time ranges stop changing, the
    // load failed, or the timeout. egui only handles queued commands (like
    // "open this URL") on a repaint, and a headless page without input never
    // repaints: a 1 px mouse move each poll keeps it going.
    const probe = [...new Set([...DEFAULT_TIMELINES, ...opts.timelines])];
    const deadline = t0 + opts.timeoutMs;
    let last = null, same = 0, failedAt = null, x = 0;
    for (;;) {
      x ^= 1;
      await page.mouse.move(2 + x, 2).catch(() => {});
      const s = await page.evaluate((names) => {
        const c = window.__check;
        if (!c) return null;
        return { q: c.query(names), opened: c.opened, startError: c.startError };
      }, probe).catch((e) => ({ evalError: String(e) }));
      if (s?.evalError) { result.errors.push(`page: ${s.evalError}`); break; }
      if (s) {
        if (s.startError) { result.load_errors.push(`viewer start failed: ${s.startError}`); break; }
        if (s.q.fail) { result.load_errors.push(`viewer failure screen: ${s.q.fail}`); break; }
        const open = !!(s.q.recording_id || s.opened);
        const key = JSON.stringify([s.q.recording_id, s.q.timelines, !!s.opened]);
        same = key === last ? same + 1 : 0;
        last = key;
        const done = consoleLines.some((l) => SOURCE_DONE.test(l.text));
        const failed = consoleLines.some((l) => LOAD_FAILURE.test(l.text));
        if (open && same >= STABLE_POLLS && (done || failed || same >= 2 * STABLE_POLLS)) {
          result.timings_ms.loaded = Date.now() - t0;
          break;
        }
        if (!open && (done || failed)) {
          failedAt ??= Date.now();
          if (Date.now() - failedAt >= FAIL_GRACE_MS) break;
        }
      }
      if (Date.now() > deadline) {
        result.errors.push(`timeout: no stable open recording after ${opts.timeoutMs} ms`);
        break;
      }
      await sleep(POLL_MS);
    }

    const s = await page.evaluate((names) => {
      const c = window.__check;
      return c ? { q: c.query(names), opened: c.opened } : null;
    }, probe).catch(() => null);
    if (s) {
      result.recording_id = s.q.recording_id ?? s.opened?.recording_id ?? null;
      result.opened = !!result.recording_id;
      result.timelines = s.q.timelines;
      if (s.opened) {
        result.application_id = s.opened.application_id ?? null;
        result.recording_source = s.opened.source ?? null;
        result.sdk_version = s.opened.version ?? null;
      }
    }

    if (opts.screenshot) {
      try {
        await page.evaluate(() => window.__check?.pause());
        await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
        await sleep(1000);  // let a few frames render with the data
        await page.screenshot({ path: opts.screenshot, timeout: 15000 });
        result.screenshot = opts.screenshot;
      } catch (e) {
        result.errors.push(`screenshot failed: ${e}`);
      }
    }
  } catch (e) {
    result.errors.push(`harness: ${e && e.stack ? e.stack : e}`);
  }

  classify(consoleLines, result);
  const t1 = Date.now();
  await cleanup(ctx);
  result.timings_ms.cleanup = Date.now() - t1;
  clearTimeout(watchdog);
  result.ok = result.opened && result.console_errors.length === 0 && result.viewer_warnings.length === 0
    && result.load_errors.length === 0 && result.errors.length === 0;
  finish(result.ok ? 0 : 1);
}

main();
