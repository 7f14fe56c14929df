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
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import {
  HERE, VIEWER_DIR, DEFAULT_TIMELINES, POLL_MS, STABLE_POLLS, FAIL_GRACE_MS, VIEWPORT, ENVIRONMENT_NOISE,
  LOAD_FAILURE, SOURCE_DONE, serve, launchChromium, cleanupSync, cleanup, sleep,
} from "./harness.mjs";

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
