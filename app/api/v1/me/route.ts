import { json, route } from "@/lib/api/handler";

export const GET = route({}, async ({ caller }) => {
  const { actor, user, organizations } = caller.session;
  return json({
    user: user ? { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified } : null,
    activeOrganization: {
      id: actor.org.id,
      name: actor.org.name,
      kind: actor.org.kind,
      homeCountry: actor.org.homeCountry,
      role: actor.role,
    },
    organizations,
  });
});
