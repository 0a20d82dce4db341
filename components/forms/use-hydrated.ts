"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False during the server render and hydration, true after. Server-rendered forms stay disabled
 * until then: react-hook-form sets each field to its default when it registers it, so anything
 * typed before hydration (by a fast person or a browser test) would silently be replaced.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
