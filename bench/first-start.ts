/**
 * `npm run bench:first-start [-- --ref main] [-- --keep]`
 *
 * A first `npm start` after `npm install`, timed: the tree at a git ref (default HEAD) is unpacked
 * into a fresh folder (no `.next`, no `.data`), given this checkout's installed `node_modules`
 * (hard links, as `npm install` would have left them, with the generated Prisma client), and
 * started with `npm start` on a free port and no DATABASE_URL — the embedded PostgreSQL, the
 * migrations, the demo seed, the build and the server, exactly as a new user runs it. It reports
 * the time to each step `npm start` announces, to the first page (`GET /login` answering 200),
 * the CPU time of the whole process tree (less sensitive to other load than the wall clock) and
 * the machine's load average before and after. Then it stops the app (Ctrl-C, as a user would)
 * and deletes the folder. Run it with `--ref <old commit>` for the baseline on the same machine.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { ref: { type: "string", default: "HEAD" }, keep: { type: "boolean", default: false } } });
const root = path.resolve(__dirname, "..");
const ref = values.ref ?? "HEAD";
const TIMEOUT_MS = 40 * 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Sum of user + system CPU seconds of every process in the group, tracked per pid while it lives. */
function cpuTracker(pgid: number) {
  const ticks = 100; // USER_HZ on Linux
  const seen = new Map<number, number>();
  const sample = () => {
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // fields[2] is pgrp; utime and stime are fields 14 and 15 of the full line (11, 12 here)
        if (Number(fields[2]) !== pgid) continue;
        seen.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / ticks);
      } catch {
        // exited meanwhile
      }
    }
  };
  const timer = setInterval(sample, 500);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return [...seen.values()].reduce((a, b) => a + b, 0);
    },
  };
}

/** This environment without what would make the app use another database or build folder. */
function freshEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ["DATABASE_URL", "NEXT_DIST_DIR", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "WORKER"]) delete env[name];
  return env;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rb-first-start-"));
  // Run as root, the embedded PostgreSQL runs as its own user, which must reach the data folder.
  fs.chmodSync(dir, 0o755);
  const commit = execFileSync("git", ["rev-parse", "--short", ref], { cwd: root, encoding: "utf8" }).trim();
  console.log(`unpacking ${ref} (${commit}) into ${dir}`);
  execFileSync("bash", ["-c", `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(dir)}`], { cwd: root });
  // What `npm install` leaves: node_modules and, from its postinstall, the generated Prisma client.
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  execFileSync("cp", ["-r", path.join(root, "lib", "db", "generated"), path.join(dir, "lib", "db", "generated")]);

  const port = await freePort();
  const loadBefore = os.loadavg();
  const started = Date.now();
  const proc = spawn("npm", ["start"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: freshEnv({ PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" }),
  });
  const pgid = proc.pid ?? 0;
  const cpu = cpuTracker(pgid);
  const marks: { at: number; line: string }[] = [];
  const log = fs.createWriteStream(path.join(root, "test-results", `first-start-${commit}.log`));
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      log.write(chunk);
      for (const line of chunk.split("\n")) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the colour codes of start.ts's prefix
        const clean = line.replace(/\x1b\[[0-9;]*m/g, "");
        if (clean.includes("[rightsbridge]") && !clean.includes("still building")) marks.push({ at: Date.now(), line: clean.trim() });
        if (
          /✓ (Compiled|Finished TypeScript)|Finished TypeScript|Finished writing to filesystem cache|Generating static pages .*in /.test(
            clean,
          )
        )
          marks.push({ at: Date.now(), line: `  next: ${clean.trim()}` });
      }
    });
  }
  let firstPage: number | undefined;
  while (Date.now() - started < TIMEOUT_MS && proc.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`, { signal: AbortSignal.timeout(30_000) });
      if (res.status === 200) {
        await res.text();
        firstPage = Date.now();
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const cpuSeconds = cpu.stop();
  const loadAfter = os.loadavg();
  process.kill(-pgid, "SIGINT");
  await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once("exit", r)));
  log.end();

  console.log(`\nfirst start of ${ref} (${commit}) on ${os.cpus().length} cores, Node ${process.version}`);
  for (const m of marks) console.log(`${((m.at - started) / 1000).toFixed(0).padStart(5)} s  ${m.line}`);
  console.log(
    firstPage
      ? `\nfirst page (GET /login 200) after ${((firstPage - started) / 1000).toFixed(0)} s; CPU time of the process tree ${cpuSeconds.toFixed(0)} s`
      : `\nno first page ${proc.exitCode === null ? `within ${TIMEOUT_MS / 60_000} min` : `(the app exited with ${proc.exitCode})`}; see test-results/first-start-${commit}.log`,
  );
  console.log(
    `load average (1/5/15 min) before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`,
  );
  if (values.keep) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  if (!firstPage) process.exitCode = 1;
}

fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
