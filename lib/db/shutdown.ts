/**
 * What a graceful stop runs after the HTTP server has drained: each hook once, in ascending
 * `order` (the worker stops before the database pool closes). Kept on globalThis because the
 * process entry point (scripts/serve.mjs, plain JavaScript outside Next's bundles) runs them:
 * it reads `globalThis.__rightsbridgeShutdownHooks`.
 */
export type ShutdownHook = { name: string; order: number; run: () => Promise<void> };

const globalForShutdown = globalThis as typeof globalThis & { __rightsbridgeShutdownHooks?: ShutdownHook[] };

export function onShutdown(hook: ShutdownHook): void {
  globalForShutdown.__rightsbridgeShutdownHooks ??= [];
  const hooks = globalForShutdown.__rightsbridgeShutdownHooks;
  if (!hooks.some((h) => h.name === hook.name)) hooks.push(hook);
}

export async function runShutdownHooks(): Promise<void> {
  const hooks = [...(globalForShutdown.__rightsbridgeShutdownHooks ?? [])].sort((a, b) => a.order - b.order);
  for (const hook of hooks) await hook.run().catch(() => undefined);
}
