/**
 * What `consentry report` makes of Consentry's log lines and the D1 host
 * inventory: counts by route, category, vendor, host and cookie, and for each
 * host or cookie the policy did not cover, the catalog's suggestion (the same
 * catalog scan and explain classify with). Pure: plain rows in, plain data out.
 */
import type { Catalog } from "../../../src/catalog/catalog.ts";
import type { InventoryRow } from "../../../src/inventory/inventory-row.ts";
import type { LogLine } from "./read-logs.ts";

/** A row of the D1 table `host_inventory`, as the Worker writes it. */
export type InventoryRecord = InventoryRow;

/** Where a count comes from: the mode's log lines, enforce mode's sample, browsers' CSP reports, the D1 inventory. */
export type Source = "report-only" | "refused" | "cookie-expired" | "csp-violation" | "storage-reported" | "inventory";
const SOURCES: readonly Source[] = ["report-only", "refused", "cookie-expired", "csp-violation", "storage-reported", "inventory"];

/** A cookie (by header), a third-party host, or a storage name a page's script wrote (cookie, localStorage, IndexedDB). */
export type Kind = "cookie" | "host" | "storage";

interface Seen {
  source: Source;
  policy: string;
  route: string;
  kind: Kind;
  name: string;
  category: string | null;
  vendor: string | null;
  reason: string | null;
  /** What was refused, or the CSP directive. */
  what: string;
  count: number;
}

export interface Counted {
  key: string;
  count: number;
}

export interface RouteRow extends Record<Source, number> {
  policy: string;
  route: string;
}

export interface ItemRow {
  name: string;
  category: string | null;
  vendor: string | null;
  reasons: string[];
  /** Actions and CSP directives. */
  what: string[];
  count: number;
}

export interface Suggestion {
  kind: Kind;
  name: string;
  reason: string;
  count: number;
  /** The catalog's answer, or null when it knows nothing. */
  catalog: { vendor: string | null; name: string | null; category: string | null } | null;
  advice: string;
}

export interface Summary {
  lines: Record<Source, number>;
  /** Sampling rates seen on `refused` lines (REFUSAL_LOG_RATE). */
  samples: number[];
  routes: RouteRow[];
  categories: Counted[];
  vendors: (Counted & { category: string | null })[];
  hosts: ItemRow[];
  cookies: ItemRow[];
  /** Storage names the guard reported (src/inventory/storage-report-endpoint.ts). */
  storage: ItemRow[];
  review: Suggestion[];
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Cookie and host lines of report-only and enforce mode, CSP reports; other events (errors, receipts) are not about coverage. */
function fromLine(line: LogLine): Seen | null {
  const source = line.consentry as Source;
  if (!SOURCES.includes(source) || source === "inventory") return null;
  const base = { source, policy: str(line.policy) ?? "(unknown)", route: str(line.route) ?? "(unknown)", category: str(line.category), vendor: str(line.vendor), count: 1 };
  if (source === "storage-reported") {
    const name = str(line.name);
    // `action`: refused, or allowed (an unknown name the rules let pass); lines without one are the guard's refusals.
    return name === null ? null : { ...base, kind: "storage", name, reason: str(line.reason) ?? (base.category === null ? "unknown" : null), what: str(line.action) ?? "refused" };
  }
  if (source === "csp-violation") {
    const host = str(line.host);
    return host === null ? null : { ...base, kind: "host", name: host, reason: base.vendor === null ? "unclassified" : "reported", what: str(line.directive) ?? "csp" };
  }
  const cookie = str(line.cookie);
  const host = str(line.host);
  const what = str(line.action) ?? source;
  if (cookie !== null) return { ...base, kind: "cookie", name: cookie, reason: str(line.reason), what };
  if (host !== null) return { ...base, kind: "host", name: host, reason: str(line.reason), what };
  return null;
}

function fromRow(row: InventoryRecord): Seen {
  // Storage rows hold the name where CSP rows hold a host: `storage` refused, `storage-allowed` an unknown name let pass.
  const storage = row.directive === "storage" || row.directive === "storage-allowed";
  return {
    source: "inventory",
    policy: row.policy,
    route: row.route,
    kind: storage ? "storage" : "host",
    name: row.host,
    category: row.category,
    vendor: row.vendor,
    // A refused storage row keeps no reason (its log lines do).
    reason: storage ? (row.category === null ? "unknown" : null) : row.vendor === null ? "unclassified" : "reported",
    what: storage ? (row.directive === "storage" ? "refused" : "allowed") : row.directive,
    count: row.count,
  };
}

/** Reasons that mean the policy has no rule for it yet. */
const UNCOVERED = new Set(["unknown", "unclassified", "undeclared"]);
/** Cookie names that usually keep a site working (the same test `consentry scan --write` applies). */
const LOOKS_NECESSARY = /sess|^sid$|csrf|xsrf|auth|login|cart|basket|checkout|^lb|affinity|consent/i;

/**
 * Whether the policy as it stands now has a rule for a host or cookie (scan's test), or
 * undefined when that policy is not at hand: then the reasons logged at the time decide.
 */
export type Covers = (policy: string, kind: Kind, name: string) => boolean | undefined;

export function summarise(lines: readonly LogLine[], rows: readonly InventoryRecord[], catalog: Catalog, covers: Covers = () => undefined): Summary {
  const seen = [...lines.map(fromLine).filter((s): s is Seen => s !== null), ...rows.map(fromRow)];
  const count = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Source, number>;
  for (const line of lines) if (SOURCES.includes(line.consentry as Source)) count[line.consentry as Source] += 1;
  count.inventory = rows.length;
  const samples = [...new Set(lines.filter((l) => l.consentry === "refused" && typeof l.sample === "number").map((l) => l.sample as number))].sort();

  const routes = new Map<string, RouteRow>();
  const categories = new Map<string, number>();
  const vendors = new Map<string, { count: number; category: string | null }>();
  const items: Record<Kind, Map<string, ItemRow>> = { cookie: new Map(), host: new Map(), storage: new Map() };
  for (const s of seen) {
    const routeKey = `${s.policy}\u0000${s.route}`;
    const route = routes.get(routeKey) ?? { policy: s.policy, route: s.route, ...(Object.fromEntries(SOURCES.map((x) => [x, 0])) as Record<Source, number>) };
    route[s.source] += s.count;
    routes.set(routeKey, route);
    const category = s.category ?? "(none)";
    categories.set(category, (categories.get(category) ?? 0) + s.count);
    if (s.vendor !== null) {
      const v = vendors.get(s.vendor) ?? { count: 0, category: s.category };
      v.count += s.count;
      vendors.set(s.vendor, v);
    }
    const table = items[s.kind];
    const item = table.get(s.name) ?? { name: s.name, category: s.category, vendor: s.vendor, reasons: [], what: [], count: 0 };
    item.count += s.count;
    item.category ??= s.category;
    item.vendor ??= s.vendor;
    if (s.reason !== null && !item.reasons.includes(s.reason)) item.reasons.push(s.reason);
    if (!item.what.includes(s.what)) item.what.push(s.what);
    table.set(s.name, item);
  }

  const byCount = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));
  const hosts = [...items.host.values()].sort(byCount((r) => r.name));
  const cookies = [...items.cookie.values()].sort(byCount((r) => r.name));
  const storage = [...items.storage.values()].sort(byCount((r) => r.name));
  const policiesOf = (kind: Kind, name: string) => [...new Set(seen.filter((s) => s.kind === kind && s.name === name).map((s) => s.policy))];
  const uncovered = (kind: Kind, item: ItemRow, logged: boolean) => {
    const now = policiesOf(kind, item.name).map((p) => covers(p, kind, item.name));
    return now.every((c) => c !== undefined) ? now.some((c) => c === false) : logged;
  };
  const review = [
    ...hosts.filter((h) => uncovered("host", h, h.vendor === null || h.category === null || h.reasons.some((r) => UNCOVERED.has(r)))).map((h) => suggestHost(h, catalog)),
    ...cookies.filter((c) => uncovered("cookie", c, c.category === null || c.reasons.includes("unknown"))).map((c) => suggestCookie(c, catalog)),
    ...storage.filter((c) => uncovered("storage", c, c.category === null)).map((c) => suggestCookie(c, catalog, "storage")),
  ];
  return {
    lines: count,
    samples,
    routes: [...routes.values()].sort((a, b) => a.policy.localeCompare(b.policy) || a.route.localeCompare(b.route)),
    categories: [...categories].map(([key, n]) => ({ key, count: n })).sort(byCount((c) => c.key)),
    vendors: [...vendors].map(([key, v]) => ({ key, ...v })).sort(byCount((v) => v.key)),
    hosts,
    cookies,
    storage,
    review,
  };
}

function suggestHost(h: ItemRow, catalog: Catalog): Suggestion {
  const reason = h.reasons.find((r) => UNCOVERED.has(r)) ?? (h.vendor === null ? "unclassified" : h.category === null ? "no-category" : "undeclared");
  const known = catalog.vendorForHost(h.name);
  const base = { kind: "host" as const, name: h.name, reason, count: h.count };
  if (known === undefined) {
    return { ...base, catalog: null, advice: `not in the catalog: add a vendor of your own to "vendors" with this host and its category, or leave it refused` };
  }
  const found = { vendor: known.id, name: known.name, category: known.category };
  if (known.category === null) return { ...base, catalog: found, advice: `${known.name} (${known.id}), purpose unknown: name "${known.id}" in "vendors" with a category` };
  return { ...base, catalog: found, advice: `${known.name} (${known.id}), ${known.category}: name "${known.id}" in "vendors"` };
}

function suggestCookie(c: ItemRow, catalog: Catalog, kind: "cookie" | "storage" = "cookie"): Suggestion {
  const info = catalog.cookieInfo(c.name);
  const list = kind === "cookie" ? '"cookies"' : '"storage"';
  const base = { kind, name: c.name, reason: c.reasons.find((r) => UNCOVERED.has(r)) ?? "unknown", count: c.count };
  if (info !== undefined) {
    return { ...base, catalog: { vendor: info.vendor ?? null, name: info.platform, category: info.category }, advice: `${info.platform}, ${info.category}: add it to ${list} as ${info.category}` };
  }
  const advice = LOOKS_NECESSARY.test(c.name)
    ? `not in the catalog; its name looks necessary (session, sign-in, basket): add it to ${list} in a required category if the site needs it`
    : `not in the catalog: add it to ${list} with its category`;
  return { ...base, catalog: null, advice };
}
