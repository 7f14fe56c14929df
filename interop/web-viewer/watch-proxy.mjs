#!/usr/bin/env node
// Point the official Rerun web viewer (headless Chromium) at a live gRPC message proxy
// (rerun+http://HOST:PORT/proxy) and answer questions about what it shows, one command per stdin
// line, one JSON object per stdout line, so that a test can log more data between questions.
//
//   node watch-proxy.mjs URL [--timeout-ms N]
//
// Commands:
//   open                       open another viewer page on URL; answers when a recording is open and stable
//   state PAGE                 what page PAGE (0, 1, ...) shows now
//   wait PAGE TIMELINE MAX     waits until TIMELINE's range reaches MAX (or the timeout), then as state
//   wait-closed PAGE           waits until the viewer logged that the stream ended, then as state
//   screenshot PAGE FILE       pauses playback and writes a PNG
//   quit                       closes everything
// A state: { page, recording_id, application_id, timelines: {name: {min, max}}, stream_closed,
//   console_errors, load_errors, viewer_warnings, errors }.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { chromium } from "playwright-core";
import {
  VIEWER_DIR, DEFAULT_TIMELINES, POLL_MS, STABLE_POLLS, VIEWPORT, ENVIRONMENT_NOISE, LOAD_FAILURE,
  serve, launchChromium, cleanupSync, cleanup, sleep,
} from "./harness.mjs";

// The viewer's line when a proxy stream ends cleanly (grpc-status 0).
const STREAM_CLOSED = /gRPC stream disconnected/i;

function usage(msg) {
  if (msg) process.stderr.write(`watch-proxy: ${msg}\n`);
  process.stderr.write("usage: node watch-proxy.mjs rerun+http://HOST:PORT/proxy [--timeout-ms N]\n");
  process.exit(2);
}

const args = process.argv.slice(2);
let url = null;
let timeoutMs = 30000;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--timeout-ms") timeoutMs = Number(args[++i]);
  else if (!url) url = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!url || !/^rerun(\+https?)?:\/\//.test(url)) usage("no rerun+http://…/proxy URL given");
if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) usage("--timeout-ms must be a positive integer");
if (!fs.existsSync(path.join(VIEWER_DIR, "index.js"))) usage("viewer package missing: run 'npm ci' here");

const ctx = { profileDir: fs.mkdtempSync(path.join(os.tmpdir(), "rerun4j-watch-")), cleaned: false };
const pages = [];  // { page, lines: [{type, text}] }
process.once("exit", () => cleanupSync(ctx));
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(sig, () => { cleanupSync(ctx); process.exit(1); });

async function query(p) {
  const s = await p.page.evaluate((names) => {
    const c = window.__check;
    return c ? { q: c.query(names), opened: c.opened, startError: c.startError } : null;
  }, DEFAULT_TIMELINES).catch((e) => ({ evalError: String(e) }));
  const out = {
    page: pages.indexOf(p), recording_id: null, application_id: null, timelines: {},
    stream_closed: p.lines.some((l) => STREAM_CLOSED.test(l.text)),
    console_errors: [], load_errors: [], viewer_warnings: [], errors: [],
  };
  if (s?.evalError) out.errors.push(`page: ${s.evalError}`);
  if (s?.startError) out.load_errors.push(`viewer start failed: ${s.startError}`);
  if (s?.q?.fail) out.load_errors.push(`viewer failure screen: ${s.q.fail}`);
  if (s?.q) {
    out.recording_id = s.q.recording_id ?? s.opened?.recording_id ?? null;
    out.timelines = s.q.timelines;
  }
  out.application_id = s?.opened?.application_id ?? null;
  for (const { type, text } of p.lines) {
    const t = text.trim().slice(0, 2000);
    if (LOAD_FAILURE.test(text)) out.load_errors.push(t);
    if (type === "error") out.console_errors.push(t);
    else if (type === "warning" && !ENVIRONMENT_NOISE.some((re) => re.test(text)) && !LOAD_FAILURE.test(text)) {
      out.viewer_warnings.push(t);
    }
  }
  return out;
}

/** Polls (moving the mouse: egui handles queued commands only on a repaint) until done(state) or the timeout. */
async function pollUntil(p, done) {
  const deadline = Date.now() + timeoutMs;
  let x = 0;
  for (;;) {
    x ^= 1;
    await p.page.mouse.move(2 + x, 2).catch(() => {});
    const s = await query(p);
    if (done(s) || s.load_errors.length || s.errors.length) return s;
    if (Date.now() > deadline) {
      s.errors.push(`timeout after ${timeoutMs} ms`);
      return s;
    }
    await sleep(POLL_MS);
  }
}

async function open() {
  const page = await (await ctx.browser.newContext({ viewport: VIEWPORT })).newPage();
  const p = { page, lines: [] };
  pages.push(p);
  page.on("console", (m) => p.lines.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => p.lines.push({ type: "error", text: `pageerror: ${e.stack || e}` }));
  await page.goto(ctx.base + "/", { waitUntil: "load", timeout: timeoutMs });
  let last = null, same = 0;
  return pollUntil(p, (s) => {
    const key = JSON.stringify([s.recording_id, s.timelines]);
    same = key === last ? same + 1 : 0;
    last = key;
    return s.recording_id && same >= STABLE_POLLS;
  });
}

async function command(line) {
  const [cmd, ...rest] = line.trim().split(/\s+/);
  const pageOf = (i) => {
    const p = pages[Number(i)];
    if (!p) throw new Error(`no page ${i}`);
    return p;
  };
  switch (cmd) {
    case "open": return open();
    case "state": return query(pageOf(rest[0]));
    case "wait": {
      const [i, name, max] = rest;
      return pollUntil(pageOf(i), (s) => s.timelines[name] && s.timelines[name].max >= Number(max));
    }
    case "wait-closed": return pollUntil(pageOf(rest[0]), (s) => s.stream_closed);
    case "screenshot": {
      const p = pageOf(rest[0]);
      await p.page.evaluate(() => window.__check?.pause());
      await p.page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
      await sleep(1000);
      await p.page.screenshot({ path: rest[1], timeout: 15000 });
      return { screenshot: rest[1] };
    }
    case "quit": return null;
    default: throw new Error(`unknown command ${cmd}`);
  }
}

async function main() {
  ctx.server = await serve(null, JSON.stringify(url));
  ctx.base = `http://127.0.0.1:${ctx.server.address().port}`;
  const launched = launchChromium(ctx.profileDir);
  ctx.proc = launched.proc;
  ctx.browser = await chromium.connectOverCDP(await launched.wsUrl);
  process.stdout.write(JSON.stringify({ ready: true, page_origin: ctx.base }) + "\n");
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let answer;
    try {
      answer = await command(line);
    } catch (e) {
      answer = { errors: [`${line}: ${e && e.stack ? e.stack : e}`] };
    }
    if (answer === null) break;
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
  await cleanup(ctx);
  process.exit(0);
}

main().catch(async (e) => {
  process.stdout.write(JSON.stringify({ errors: [`harness: ${e && e.stack ? e.stack : e}`] }) + "\n");
  await cleanup(ctx);
  process.exit(1);
});
