/**
 * `npm run jobs:run -- <name>`: runs one registered job once, now, in this process, recorded in
 * job_run like a scheduled run (source "manual"). Exit code 0 on success, 1 when the job failed,
 * 2 for an unknown name.
 */
import { preferEmbeddedDatabaseUnlessConfigured } from "./embedded-url";

async function main(): Promise<number> {
  preferEmbeddedDatabaseUnlessConfigured();
  const { jobs } = await import("@/lib/jobs/registry");
  const { findJob, runJob } = await import("@/lib/jobs/run");
  const name = process.argv[2];
  const job = name ? findJob(jobs, name) : undefined;
  if (!job) {
    console.error(`${name ? `Unknown job "${name}". ` : ""}Usage: npm run jobs:run -- <name>; jobs: ${jobs.map((j) => j.name).join(", ")}`);
    return 2;
  }
  try {
    const summary = await runJob(job, { source: "manual" });
    console.log(JSON.stringify({ job: job.name, status: "succeeded", summary }));
    return 0;
  } catch (error) {
    console.error(`${job.name} failed:`, error instanceof Error ? error.message : error);
    return 1;
  }
}

main().then(
  async (code) => {
    const { closeDb } = await import("@/lib/db/client");
    await closeDb();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
