import NextLink from "next/link";
import type * as React from "react";

/**
 * next/link without automatic prefetching. Every page here is dynamic (the signed-in session, the
 * active organisation): Next's default prefetches each link in view by rendering its route on the
 * server — the app layout's session, organisation and notification queries included — so one
 * page view with the navigation and a list on it cost ~17 extra server renders, and twice that
 * after any server action. A link is loaded when it is followed; pass `prefetch` to opt back in.
 */
export function Link({ prefetch = false, ...props }: React.ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
