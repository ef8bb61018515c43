/**
 * The client guard's storage report: the names (cookie names, storage keys,
 * IndexedDB database names) a page's scripts wrote that the rules refused or
 * may not know, sent once as the page goes, as `["/path", "name", …]`. Anyone
 * can post anything here: the body must be exactly that shape, within the
 * guard's own caps, or it is dropped whole. Names only, never values. Pure.
 */
export interface StorageReport {
  /** The page's path (same origin as the endpoint), for its route. */
  path: string;
  /** Distinct names, in the order the guard saw them. */
  names: string[];
}

/** The guard sends at most 20 names of at most 64 characters each (src/client/guard.ts). */
export const MAX_STORAGE_NAMES = 20;
export const MAX_STORAGE_NAME_LENGTH = 64;
/** A path long enough for any route, short enough to log. */
const MAX_PATH_LENGTH = 2048;
/** Printable characters only: a name goes into a log line and a table, never control characters. */
const PRINTABLE = /^[\x20-\x7e\u00a0-\uffff]+$/;

export function parseStorageReport(text: string): StorageReport | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(body) || body.length < 2 || body.length > MAX_STORAGE_NAMES + 1) return null;
  const [path, ...names] = body as unknown[];
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//") || path.length > MAX_PATH_LENGTH) return null;
  if (!names.every((n): n is string => typeof n === "string" && n.length <= MAX_STORAGE_NAME_LENGTH && PRINTABLE.test(n))) return null;
  return { path, names: [...new Set(names)] };
}
