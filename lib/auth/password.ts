import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP Password Storage Cheat Sheet's minimum for argon2id: m = 19 MiB, t = 2, p = 1.
 * @node-rs/argon2 defaults to the argon2id variant.
 */
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the account does not exist keeps response time from
// telling an attacker which emails are registered.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-rightsbridge");
  await verifyPassword(await dummyHash, password);
}
