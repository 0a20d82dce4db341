"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type * as React from "react";
import { createContext, useCallback, useContext, useMemo, useState, useTransition } from "react";
import { cn } from "@/lib/utils";

/**
 * URL-driven lists (titles, marketplace): filters, sort and the page live in the query string, the
 * server renders the page, and this context turns clicks into navigations inside a transition so
 * the current rows stay on screen (dimmed) until the next ones arrive.
 *
 * Pages are keyset cursors. The cursor of each earlier page is kept here, in client state, so
 * "Previous" needs no offset query; after a reload the stack is gone and "Previous" becomes
 * "First page". The page number rides in the URL (`page`) only to show "51–100 of 20,000".
 */

type Patch = Record<string, string | null | undefined>;

type ListNavigationValue = {
  params: URLSearchParams;
  pending: boolean;
  /** Changes filters or sort; starts again from the first page. */
  update: (patch: Patch) => void;
  page: number;
  canGoBack: boolean;
  next: (cursor: string) => void;
  previous: () => void;
  first: () => void;
};

const Context = createContext<ListNavigationValue | null>(null);

const PAGING = ["cursor", "page"];

/** What identifies a result set: every parameter except the position in it. */
function signatureOf(params: URLSearchParams): string {
  const copy = new URLSearchParams(params);
  for (const key of PAGING) copy.delete(key);
  copy.sort();
  return copy.toString();
}

export function ListNavigation({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);
  const signature = signatureOf(params);
  // Cursors of the pages before the current one ("" = the first page), for this result set only.
  const [stack, setStack] = useState<{ signature: string; cursors: string[] }>({ signature, cursors: [] });
  const cursors = stack.signature === signature ? stack.cursors : [];
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);

  const go = useCallback(
    (next: URLSearchParams) => {
      const qs = next.toString();
      startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
    },
    [pathname, router],
  );

  const value = useMemo<ListNavigationValue>(() => {
    const withPage = (cursor: string | null, number: number) => {
      const next = new URLSearchParams(params);
      if (cursor) next.set("cursor", cursor);
      else next.delete("cursor");
      if (number > 1) next.set("page", String(number));
      else next.delete("page");
      return next;
    };
    return {
      params,
      pending,
      page,
      canGoBack: cursors.length > 0,
      update(patch) {
        const next = new URLSearchParams(params);
        for (const [key, v] of Object.entries(patch)) {
          if (v === null || v === undefined || v === "") next.delete(key);
          else next.set(key, v);
        }
        for (const key of PAGING) next.delete(key);
        go(next);
      },
      next(cursor) {
        setStack({ signature, cursors: [...cursors, params.get("cursor") ?? ""] });
        go(withPage(cursor, page + 1));
      },
      previous() {
        const previousCursor = cursors[cursors.length - 1];
        if (previousCursor === undefined) {
          go(withPage(null, 1));
          return;
        }
        setStack({ signature, cursors: cursors.slice(0, -1) });
        go(withPage(previousCursor || null, Math.max(1, page - 1)));
      },
      first() {
        setStack({ signature, cursors: [] });
        go(withPage(null, 1));
      },
    };
  }, [params, pending, page, cursors, signature, go]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useListNavigation(): ListNavigationValue {
  const value = useContext(Context);
  if (!value) throw new Error("useListNavigation must be used inside <ListNavigation>");
  return value;
}

/** Dims its content while the next page or filter result loads. */
export function ListPending({ children, className }: { children: React.ReactNode; className?: string }) {
  const { pending } = useListNavigation();
  return (
    <div aria-busy={pending || undefined} className={cn("transition-opacity", pending && "pointer-events-none opacity-60", className)}>
      {children}
    </div>
  );
}
