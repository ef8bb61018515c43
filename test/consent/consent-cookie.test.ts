import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { decodeConsent, encodeConsent, newReceiptId, type ConsentChoice } from "../../src/consent/consent-cookie.ts";
import { MAX_VENDOR_GRANTS } from "../../src/consent/choice.ts";
import { resolveSigningKeys } from "../../src/consent/signing-keys.ts";

async function keysFor(secret: string): Promise<CryptoKey[]> {
  const keys = await resolveSigningKeys(secret, "westhub.app");
  if (!keys.ok) throw new Error(keys.reason);
  return [...keys.keys];
}

const NOW = 1_790_000_000;
const choice: ConsentChoice = { granted: ["analytics"], refused: ["functional"], vendors: [], revision: 1, time: NOW - 60, id: newReceiptId(), gpc: false };
const options = async () => ({ policyId: "westhub", revision: 1, lifetimeDays: 182, now: NOW, keys: await keysFor(env.CONSENT_SECRET!) });

describe("consent cookie", () => {
  it("should round-trip a choice, compact and cookie-safe", async () => {
    const [key] = await keysFor(env.CONSENT_SECRET!);
    const value = await encodeConsent(choice, "westhub", key!);
    expect(value).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(value.length).toBeLessThan(100);
    expect(await decodeConsent(value, await options())).toEqual({ status: "valid", choice });
  });

  it("should keep the GPC flag and empty lists", async () => {
    const [key] = await keysFor(env.CONSENT_SECRET!);
    const none: ConsentChoice = { ...choice, granted: [], refused: [], gpc: true };
    expect(await decodeConsent(await encodeConsent(none, "westhub", key!), await options())).toEqual({ status: "valid", choice: none });
  });

  it("should carry vendors granted one by one", async () => {
    const [key] = await keysFor(env.CONSENT_SECRET!);
    const youtube: ConsentChoice = { ...choice, vendors: ["google-ads", "youtube"] };
    const value = await encodeConsent(youtube, "westhub", key!);
    expect(value.split(".")[4]).toBe("google-ads~youtube");
    expect(await decodeConsent(value, await options())).toEqual({ status: "valid", choice: youtube });
  });

  it("should read back the longest choice the consent endpoint accepts, and stay under a browser's 4 KB per cookie", async () => {
    const [key] = await keysFor(env.CONSENT_SECRET!);
    const most: ConsentChoice = { ...choice, vendors: Array.from({ length: MAX_VENDOR_GRANTS }, (_, i) => `${String(i).padStart(2, "0")}${"v".repeat(62)}`) };
    const value = await encodeConsent(most, "westhub", key!);
    expect(value.length).toBeGreaterThan(1024);
    expect(`__Host-consentry=${value}`.length).toBeLessThan(4096);
    expect(await decodeConsent(value, await options())).toEqual({ status: "valid", choice: most });
  });

  it("should still read a version 1 cookie, made before per-vendor consent, and hold its signature to it", async () => {
    const [key] = await keysFor(env.CONSENT_SECRET!);
    // A version 1 value is the version 2 payload without the vendor list, signed as such.
    const payload = ["1", "1", "analytics", "functional", (NOW - 60).toString(36), choice.id, "-"].join(".");
    const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key!, new TextEncoder().encode(`westhub|${payload}`)), 0, 16);
    const mac = btoa(String.fromCharCode(...signature)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(await decodeConsent(`${payload}.${mac}`, await options())).toEqual({ status: "valid", choice: { ...choice, vendors: [] } });
    expect((await decodeConsent(`${payload.replace(".analytics.", ".analytics~marketing.")}.${mac}`, await options())).status).toBe("forged");
  });

  describe("means no valid choice, never an error", () => {
    it.each([
      ["", "absent"],
      ["garbage", "malformed"],
      ["1.1.analytics..x.y.-.z", "malformed"],
      ["1.1.ANALYTICS..mj3k2ab.AAAAAAAAAAAAAAAAAAAAAA.-.AAAAAAAAAAAAAAAAAAAAAA", "malformed"],
      ["2.1.analytics..mj3k2ab.AAAAAAAAAAAAAAAAAAAAAA.-.AAAAAAAAAAAAAAAAAAAAAA", "malformed"],
      ["2.1.analytics..You~Tube.mj3k2ab.AAAAAAAAAAAAAAAAAAAAAA.-.AAAAAAAAAAAAAAAAAAAAAA", "malformed"],
      ["3.1.analytics...mj3k2ab.AAAAAAAAAAAAAAAAAAAAAA.-.AAAAAAAAAAAAAAAAAAAAAA", "malformed"],
      ["1.1.analytics..mj3k2ab.AAAAAAAAAAAAAAAAAAAAAA.-.AAAAAAAAAAAAAAAAAAAAAA", "forged"],
      ["%E0%A4%A", "malformed"],
      ["x".repeat(5000), "malformed"],
    ])("%j → %s", async (value, status) => {
      expect((await decodeConsent(value, await options())).status).toBe(status);
    });

    it("should call a cookie with an edited grant forged", async () => {
      const [key] = await keysFor(env.CONSENT_SECRET!);
      const value = await encodeConsent(choice, "westhub", key!);
      const edited = value.replace(".analytics.", ".analytics~marketing.");
      expect(edited).not.toBe(value);
      expect((await decodeConsent(edited, await options())).status).toBe("forged");
    });

    it("should call a cookie signed with another secret forged", async () => {
      const [other] = await keysFor("another-secret-another-secret-another-secret");
      expect((await decodeConsent(await encodeConsent(choice, "westhub", other!), await options())).status).toBe("forged");
    });

    it("should not accept a choice made under another policy", async () => {
      const [key] = await keysFor(env.CONSENT_SECRET!);
      expect((await decodeConsent(await encodeConsent(choice, "whereby", key!), await options())).status).toBe("forged");
    });

    it("should expire a choice older than the policy's lifetime, or from the future", async () => {
      const [key] = await keysFor(env.CONSENT_SECRET!);
      const old = await encodeConsent({ ...choice, time: NOW - 183 * 86_400 }, "westhub", key!);
      expect((await decodeConsent(old, await options())).status).toBe("expired");
      const future = await encodeConsent({ ...choice, time: NOW + 3600 }, "westhub", key!);
      expect((await decodeConsent(future, await options())).status).toBe("expired");
    });

    it("should call an older revision stale and keep its refusals", async () => {
      const [key] = await keysFor(env.CONSENT_SECRET!);
      const value = await encodeConsent(choice, "westhub", key!);
      const state = await decodeConsent(value, { ...(await options()), revision: 2 });
      expect(state).toEqual({ status: "stale", choice });
    });
  });

  describe("signing keys", () => {
    it("should verify with any rotated secret and sign with the first", async () => {
      const old = "old-secret-old-secret-old-secret-old-secret";
      const [oldKey] = await keysFor(old);
      const rotated = await keysFor(`new-secret-new-secret-new-secret-new-secret,${old}`);
      const value = await encodeConsent(choice, "westhub", oldKey!);
      expect((await decodeConsent(value, { ...(await options()), keys: rotated })).status).toBe("valid");
    });

    it("should use the development secret only on a loopback host", async () => {
      expect(await resolveSigningKeys(undefined, "127.0.0.1")).toMatchObject({ ok: true, development: true });
      expect(await resolveSigningKeys("", "localhost")).toMatchObject({ ok: true, development: true });
      expect(await resolveSigningKeys(undefined, "westhub.app")).toMatchObject({ ok: false, reason: expect.stringContaining("CONSENT_SECRET") });
    });

    it("should refuse the published development secret and short secrets", async () => {
      const { DEVELOPMENT_SECRET } = await import("../../src/consent/signing-keys.ts");
      expect(await resolveSigningKeys(DEVELOPMENT_SECRET, "westhub.app")).toMatchObject({ ok: false });
      expect(await resolveSigningKeys("short", "westhub.app")).toMatchObject({ ok: false, reason: expect.stringContaining("32") });
    });
  });
});
