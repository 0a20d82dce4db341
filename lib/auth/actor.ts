import type { OrgKind, RoleName } from "@/lib/orgs/schema";

declare const actorBrand: unique symbol;

/**
 * Who is acting, for which organisation. Only the session gate (lib/auth/gate.ts) and the
 * API-key gate (lib/api/auth.ts) create one, after checking the membership against the
 * database, so an organisation id taken from user input can never stand in for it.
 * Queries and commands take it as an explicit argument.
 */
export type Actor = {
  readonly [actorBrand]: true;
  readonly userId: string | null;
  readonly apiKeyId: string | null;
  readonly org: { readonly id: string; readonly name: string; readonly kind: OrgKind; readonly homeCountry: string };
  readonly role: RoleName;
  readonly requestId: string;
};

export type ActorInit = Omit<Actor, typeof actorBrand>;

export function createActor(init: ActorInit): Actor {
  return init as Actor;
}

/** API keys act with the rights of a MEMBER: business operations, not membership or key management. */
export const API_KEY_ROLE: RoleName = "MEMBER";
