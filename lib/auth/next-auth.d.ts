import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's sessionVersion when the token was issued; a newer one in the DB revokes it. */
    sv?: number;
    /** Active organisation id. */
    org?: string | null;
  }
}
