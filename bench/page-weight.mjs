// Page weight and load time of a case page on a slow link (issue #14 item 18), measured in the
// project's headless Chromium through the DevTools protocol: network emulation of 400 kbit/s down
// and up with 400 ms latency, first visit (empty cache) and second visit (same browser, cache
// kept). Prints one JSON line per visit. Usage (bench/page-weight.sh runs it):
//   node --experimental-websocket bench/page-weight.mjs BASE_URL USER PASSWORD
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, user, password] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "palermo-bench-chromium-"));
const chromium = spawn("/usr/bin/chromium", [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--disable-extensions", "--lang=en-US",
  "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
], { stdio: "ignore" });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let portFile = join(profile, "DevToolsActivePort");
for (let i = 0; i < 200 && !existsSync(portFile); i++) await sleep(100);
const [port] = readFileSync(portFile, "utf8").split("\n");
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = targets.find((t) => t.type === "page");
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener("open", r));

let nextId = 1;
const pending = new Map();
const listeners = [];
ws.addEventListener("message", (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg);
    pending.delete(msg.id);
  } else if (msg.method) {
    for (const l of listeners) l(msg);
  }
});
const send = (method, params = {}) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, (msg) => (msg.error ? reject(new Error(JSON.stringify(msg.error))) : resolve(msg.result)));
    ws.send(JSON.stringify({ id, method, params }));
  });
const once = (method) => new Promise((r) => {
  const l = (msg) => { if (msg.method === method) { listeners.splice(listeners.indexOf(l), 1); r(msg); } };
  listeners.push(l);
});

await send("Page.enable");
await send("Network.enable");
await send("Runtime.enable");

const go = async (url) => {
  const loaded = once("Page.loadEventFired");
  await send("Page.navigate", { url });
  await loaded;
};
const evaluate = async (expression) =>
  (await send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true })).result.value;

// Sign in and find a case page, on a fast link.
await go(base + "/login");
const signedIn = once("Page.loadEventFired");
await evaluate(`document.getElementById('username').value=${JSON.stringify(user)};
  document.getElementById('password').value=${JSON.stringify(password)};
  document.querySelector('form[action$="/login"]').submit(); true`);
await signedIn;
await go(base + "/cases");
const casePath = await evaluate(
  `[...document.querySelectorAll('a[href]')].map(a=>a.getAttribute('href')).find(h=>/^\\/cases\\/[0-9a-f-]{36}$/.test(h))`);
if (!casePath) throw new Error("no case page found on /cases");

await send("Network.emulateNetworkConditions", {
  offline: false, latency: 400, downloadThroughput: 400000 / 8, uploadThroughput: 400000 / 8,
});

const visit = async (name) => {
  const requests = new Map();
  const cached = new Set();
  const l = (msg) => {
    if (msg.method === "Network.responseReceived") {
      const r = msg.params.response;
      requests.set(msg.params.requestId, { url: r.url, fromCache: !!r.fromDiskCache || !!r.fromMemoryCache, bytes: 0, encoding: (r.headers["content-encoding"] || r.headers["Content-Encoding"] || "") });
    } else if (msg.method === "Network.loadingFinished") {
      const e = requests.get(msg.params.requestId);
      if (e) e.bytes = msg.params.encodedDataLength;
    } else if (msg.method === "Network.requestServedFromCache") {
      cached.add(msg.params.requestId);
    }
  };
  listeners.push(l);
  const started = Date.now();
  await go(base + casePath);
  const ms = Date.now() - started;
  await sleep(200);
  listeners.splice(listeners.indexOf(l), 1);
  for (const [id, e] of requests) if (cached.has(id)) e.fromCache = true;
  const list = [...requests.values()];
  console.log(JSON.stringify({
    visit: name, load_ms: ms,
    transferred_bytes: list.reduce((s, e) => s + e.bytes, 0),
    requests: list.length, from_cache: list.filter((e) => e.fromCache).length,
    files: list.map((e) => ({ path: new URL(e.url).pathname.replace(/[0-9a-f-]{36}/g, "{id}"), bytes: e.bytes, cache: e.fromCache, encoding: e.encoding })),
  }));
};

await send("Network.clearBrowserCache");
await visit("first");
await visit("second");
ws.close();
const exited = new Promise((r) => chromium.on("exit", r));
chromium.kill();
await exited;
await sleep(300);
try {
  rmSync(profile, { recursive: true, force: true });
} catch (e) {
  // Chromium's helpers may still be writing; the temporary profile is left behind.
}
