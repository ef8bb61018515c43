/**
 * The HMAC keys that sign the consent cookie. `CONSENT_SECRET` is a Worker secret;
 * several comma-separated secrets allow rotation (the first signs, all verify).
 * Without it, only a loopback host (wrangler dev, tests) gets the development
 * secret below; anywhere else Consentry refuses to sign or trust any choice.
 */
export const DEVELOPMENT_SECRET = "consentry-DEVELOPMENT-ONLY-secret-never-used-in-production";

const MIN_SECRET_LENGTH = 32;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export type SigningKeys =
  | { ok: true; keys: readonly CryptoKey[]; development: boolean }
  | { ok: false; reason: string };

const imported = new Map<string, Promise<CryptoKey>>();

function importKey(secret: string): Promise<CryptoKey> {
  let key = imported.get(secret);
  if (key === undefined) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    imported.set(secret, key);
  }
  return key;
}

export async function resolveSigningKeys(configured: string | undefined, hostname: string): Promise<SigningKeys> {
  const secrets = (configured ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (secrets.length === 0) {
    if (!LOOPBACK.test(hostname)) {
      return { ok: false, reason: "CONSENT_SECRET is not set; the development secret is refused outside localhost" };
    }
    return { ok: true, keys: [await importKey(DEVELOPMENT_SECRET)], development: true };
  }
  if (secrets.includes(DEVELOPMENT_SECRET)) {
    return { ok: false, reason: "CONSENT_SECRET is the published development secret" };
  }
  const short = secrets.find((s) => s.length < MIN_SECRET_LENGTH);
  if (short !== undefined) return { ok: false, reason: `CONSENT_SECRET must be at least ${MIN_SECRET_LENGTH} characters` };
  return { ok: true, keys: await Promise.all(secrets.map(importKey)), development: false };
}
