/**
 * Consentry's consent cookie: compact, versioned and signed.
 *
 *   2.<revision>.<granted>.<refused>.<vendors>.<time>.<receipt>.<flags>.<mac>
 *
 * granted/refused: category ids joined by `~`; vendors: vendor ids granted one
 * by one (a placeholder's "Allow YouTube"), joined by `~`; time: Unix seconds in base 36;
 * receipt: 16 random bytes, base64url; flags: `g` when GPC was on as the visitor
 * chose, else `-`; mac: HMAC-SHA-256 over `<policy id>|<everything before it>`,
 * cut to 128 bits, base64url. Every character is an RFC 6265 cookie-octet.
 * Version 1 (the same without `<vendors>`) is still read, so choices made before
 * per-vendor consent stay valid.
 *
 * Anything wrong with a cookie (malformed, forged, expired, another policy)
 * means "no valid choice", never an exception: the visitor is simply asked again.
 */
export interface ConsentChoice {
  granted: readonly string[];
  refused: readonly string[];
  /** Vendors granted individually, whatever their category's answer. */
  vendors: readonly string[];
  revision: number;
  /** Unix seconds. */
  time: number;
  /** Receipt id, shared with the proof-of-consent record. */
  id: string;
  /** GPC was on when the visitor chose (their choice then overrides it). */
  gpc: boolean;
}

export type ConsentStatus = "absent" | "malformed" | "forged" | "expired" | "stale" | "valid";

export interface ConsentState {
  status: ConsentStatus;
  /** Present when valid, and when stale (an older revision, whose refusals still stand). */
  choice: ConsentChoice | null;
}

const VERSION = "2";
const MAC_BYTES = 16;
/** A clock skew we tolerate for choices "from the future". */
const SKEW_SECONDS = 300;
const CATEGORY_LIST = /^(?:[a-z][a-z0-9_]{0,31}(?:~[a-z][a-z0-9_]{0,31})*)?$/;
const RECEIPT_ID = /^[A-Za-z0-9_-]{22}$/;
const VENDOR_LIST = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*(?:~[a-z0-9]+(?:-[a-z0-9]+)*)*)?$/;

export function newReceiptId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

export async function encodeConsent(choice: ConsentChoice, policyId: string, key: CryptoKey): Promise<string> {
  const payload = [
    VERSION,
    String(choice.revision),
    choice.granted.join("~"),
    choice.refused.join("~"),
    choice.vendors.join("~"),
    Math.floor(choice.time).toString(36),
    choice.id,
    choice.gpc ? "g" : "-",
  ].join(".");
  return `${payload}.${await mac(key, policyId, payload)}`;
}

export interface DecodeOptions {
  policyId: string;
  revision: number;
  lifetimeDays: number;
  /** Unix seconds. */
  now: number;
  keys: readonly CryptoKey[];
}

export async function decodeConsent(value: string | undefined, options: DecodeOptions): Promise<ConsentState> {
  if (value === undefined || value === "") return { status: "absent", choice: null };
  const parts = value.split(".");
  if (value.length > 3072 || !((parts[0] === "1" && parts.length === 8) || (parts[0] === VERSION && parts.length === 9))) return { status: "malformed", choice: null };
  // Version 1 has no vendor list: read it as an empty one.
  const fields = parts[0] === "1" ? [...parts.slice(0, 4), "", ...parts.slice(4)] : parts;
  const [, revision, granted, refused, vendors, time, id, flags, tag] = fields as [string, string, string, string, string, string, string, string, string];
  if (
    !/^[1-9][0-9]{0,6}$/.test(revision) ||
    !CATEGORY_LIST.test(granted) ||
    !CATEGORY_LIST.test(refused) ||
    !VENDOR_LIST.test(vendors) ||
    !/^[0-9a-z]{1,10}$/.test(time) ||
    !RECEIPT_ID.test(id) ||
    (flags !== "g" && flags !== "-")
  ) {
    return { status: "malformed", choice: null };
  }
  const payload = parts.slice(0, -1).join(".");
  let authentic = false;
  for (const key of options.keys) {
    if (constantTimeEqual(await mac(key, options.policyId, payload), tag)) authentic = true;
  }
  if (!authentic) return { status: "forged", choice: null };

  const choice: ConsentChoice = {
    granted: granted === "" ? [] : granted.split("~"),
    refused: refused === "" ? [] : refused.split("~"),
    vendors: vendors === "" ? [] : vendors.split("~"),
    revision: Number(revision),
    time: parseInt(time, 36),
    id,
    gpc: flags === "g",
  };
  const age = options.now - choice.time;
  if (age > options.lifetimeDays * 86_400 || age < -SKEW_SECONDS) return { status: "expired", choice: null };
  if (choice.revision !== options.revision) return { status: "stale", choice };
  return { status: "valid", choice };
}

async function mac(key: CryptoKey, policyId: string, payload: string): Promise<string> {
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${policyId}|${payload}`));
  return base64url(new Uint8Array(signature, 0, MAC_BYTES));
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
