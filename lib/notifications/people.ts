import { fail } from "@/lib/result";

/** Notifications and their preferences belong to people; an API key acting for an organisation has none. */
export const personOnly = () =>
  fail("forbidden", "PEOPLE_ONLY", "Notifications belong to people: sign in to read them (API keys have none).");
