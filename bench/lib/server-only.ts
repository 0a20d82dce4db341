/**
 * Lets a bench load server modules *and* call route handlers in plain Node.
 *
 * App modules guard themselves with `import "server-only"`, which throws unless the module is
 * resolved under the `react-server` condition — hence `tsx --conditions=react-server` for most
 * benches. But route handlers reach `next/navigation` (through lib/auth/gate.ts), which needs
 * React's full build, and under that condition `react` resolves to its server build
 * (`createContext is not a function`). Benches that call route handlers therefore run without the
 * condition and import this module first: it puts an empty `server-only` in the require cache,
 * exactly what the tests do (vitest.config.ts aliases it to an empty module).
 */
import { createRequire } from "node:module";
import path from "node:path";

const requireFromRoot = createRequire(path.join(process.cwd(), "package.json"));
const resolved = requireFromRoot.resolve("server-only");
requireFromRoot.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: {} } as NodeJS.Module;
