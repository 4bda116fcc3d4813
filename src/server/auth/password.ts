import { hash, hashRaw, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum profile (19 MiB, t=2, p=1).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * The stored hash never reaches the app: the database hands out the hash's parameters and
 * salt (`$argon2id$v=19$m=…,t=…,p=…$<salt>`), the app computes the digest of the typed
 * password with them, and the database compares (auth_verify_password). Returns null when
 * the parameters are not an argon2id PHC prefix we can reproduce.
 */
export async function candidateFor(params: string, password: string): Promise<string | null> {
  const m = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,64})$/.exec(params);
  if (!m) return null;
  const [, mem, time, par, saltB64] = m;
  const salt = Buffer.from(saltB64!, "base64");
  if (salt.length < 8) return null;
  const raw = await hashRaw(password, {
    algorithm: 2,
    memoryCost: Number(mem),
    timeCost: Number(time),
    parallelism: Number(par),
    salt,
    outputLen: 32,
  });
  return `${params}$${raw.toString("base64").replace(/=+$/, "")}`;
}
