#!/usr/bin/env node
/**
 * `npm run serve`: serves the production build from Next's standalone output, exactly as the
 * Dockerfile does (there this file is /app/scripts/serve.mjs beside the standalone server).
 *
 * - Listens on PORT (3000) and HOSTNAME (unset: every address, IPv4 and IPv6).
 * - Deletes any client-sent `x-rightsbridge-peer` header and sets it to the TCP peer's address,
 *   so the app can tell who connected (lib/http/client-address.ts reads it).
 * - SIGTERM / SIGINT: readiness answers 503 at once; after SHUTDOWN_READY_DELAY_MS (0: at once,
 *   meanwhile still serving) stops accepting connections, lets requests in flight finish (up to
 *   SHUTDOWN_TIMEOUT_MS, 25 s), runs the app's shutdown hooks (the in-process worker, then the
 *   database pool), and exits 0.
 * - Unless WORKER=off, the app starts the background worker in this process (instrumentation.ts).
 */
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PEER_HEADER = "x-rightsbridge-peer";
const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = process.env.NEXT_DIST_DIR || ".next";
const drainTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
/** After SIGTERM, readiness answers 503 for this long while the server still accepts requests. */
const readyDelayMs = Number(process.env.SHUTDOWN_READY_DELAY_MS ?? 0);

/** The standalone folder: next to this script in the image (/app), else <repo>/<distDir>/standalone. */
function standaloneDir() {
  const candidates = [process.env.RIGHTSBRIDGE_STANDALONE_DIR, path.resolve(here, ".."), path.resolve(here, "..", distDir, "standalone")];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, "server.js")) && fs.existsSync(path.join(dir, distDir, "required-server-files.json")))
      return dir;
  }
  console.error(`[serve] no standalone build found (looked in ${candidates.filter(Boolean).join(", ")}); run \`npm run build\` first.`);
  process.exit(1);
}

function log(message, extra = {}) {
  console.log(JSON.stringify({ level: 30, time: Date.now(), app: "rightsbridge", msg: message, ...extra }));
}

const dir = standaloneDir();
process.chdir(dir);
process.env.NODE_ENV = "production";
const { config } = JSON.parse(fs.readFileSync(path.join(dir, distDir, "required-server-files.json"), "utf8"));
// What Next's generated standalone server.js does before loading Next.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 70_000);
const require = createRequire(path.join(dir, "server.js"));

let inFlight = 0;
let draining = false;
const idle = new Set();
/** @type {http.Server | undefined} */
let server;

/** Around Next's own request listener: the peer header and the count of requests in flight. */
function wrap(listener) {
  return (req, res) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (draining && inFlight === 0) for (const wake of idle) wake();
    });
    if (draining) res.setHeader("connection", "close");
    // Only the socket knows who connected; a client-sent value is never trusted.
    delete req.headers[PEER_HEADER];
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    return listener(req, res);
  };
}

// Next's standalone server (`startServer`, what the generated server.js calls) creates its HTTP
// server with http.createServer: take that one server to wrap its listener and to drain it.
const createServer = http.createServer;
http.createServer = (...args) => {
  http.createServer = createServer;
  const i = args.findIndex((arg) => typeof arg === "function");
  if (i >= 0) args[i] = wrap(args[i]);
  server = createServer(...args);
  return server;
};

async function drain(signal) {
  if (draining) return;
  draining = true;
  // Readiness (/api/health/ready, lib/health/checks.ts) answers 503 from now on.
  globalThis.__rightsbridgeDraining = true;
  const started = Date.now();
  log("serve.draining", { signal, inFlight, readyDelayMs });
  // A load balancer needs a health check or two to take the instance out; meanwhile it serves.
  if (readyDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, readyDelayMs));
  if (server) {
    server.close(); // no new connections
    server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise((resolve) => {
        idle.add(resolve);
        setTimeout(resolve, drainTimeoutMs).unref();
      });
    }
    server.closeAllConnections();
  }
  const unfinished = inFlight;
  const hooks = [...(globalThis.__rightsbridgeShutdownHooks ?? [])].sort((a, b) => a.order - b.order);
  for (const hook of hooks) {
    try {
      await hook.run();
    } catch (error) {
      console.error(`[serve] shutdown hook ${hook.name} failed:`, error);
    }
  }
  log("serve.stopped", { signal, ms: Date.now() - started, unfinished, hooks: hooks.map((h) => h.name) });
  process.exit(0);
}
// Next's own handlers would exit at once (143); ours drain first.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
process.on("SIGTERM", () => void drain("SIGTERM"));
process.on("SIGINT", () => void drain("SIGINT"));

require("next");
const { startServer } = require("next/dist/server/lib/start-server");
await startServer({ dir, isDev: false, config, hostname, port, allowRetry: false, keepAliveTimeout });
if (!server) throw new Error("Next did not create its HTTP server through http.createServer");
server.headersTimeout = keepAliveTimeout + 5_000;
log("serve.listening", { url: `http://${hostname ?? "localhost"}:${port}`, pid: process.pid, dir });
