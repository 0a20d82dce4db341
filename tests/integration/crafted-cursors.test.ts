/**
 * A list's cursor is opaque to clients, but a client can still send anything as `cursor`: a
 * well-formed cursor whose timestamp is not a date must read as "no cursor" (the first page),
 * never reach the database as an Invalid Date and answer 500.
 */
import { describe, expect, it } from "vitest";
import { GET as listAdvances } from "@/app/api/v1/advances/route";
import { GET as listDeals } from "@/app/api/v1/deals/route";
import { GET as listStatements } from "@/app/api/v1/statements/route";
import { encodeCursor } from "@/lib/api/pagination";
import { callRoute, registerViaApi } from "../support/api";

const id = "0190d0f0-0000-7000-8000-000000000000";

describe("crafted cursors", () => {
  const lists = [
    { name: "statements", handler: listStatements, path: "/api/v1/statements", cursors: [{ c: "not a date", id }] },
    { name: "advances", handler: listAdvances, path: "/api/v1/advances", cursors: [{ c: "2026-13-45T99:00:00Z", id }] },
    { name: "deals", handler: listDeals, path: "/api/v1/deals", cursors: [{ u: "yesterday", id }] },
  ];
  for (const list of lists) {
    it(`${list.name}: a cursor with a timestamp that is not a date reads as the first page`, async () => {
      const studio = await registerViaApi();
      const first = await callRoute(list.handler, list.path, { headers: studio.headers });
      expect(first.status, first.text).toBe(200);
      for (const cursor of list.cursors) {
        const res = await callRoute(list.handler, list.path, { headers: studio.headers, query: { cursor: encodeCursor(cursor) } });
        expect(res.status, res.text).toBe(200);
        expect(res.body.items).toEqual(first.body.items);
      }
    });
  }
});
