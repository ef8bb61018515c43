/**
 * The third-party hosts one visitor allows on one route: the site's own hosts,
 * and the hosts of every vendor `judgeHost` lets through (required categories,
 * consented categories, vendors granted one by one, route scope). Everything else
 * is refused, including hosts nobody knows. The CSP header, the rewriter and the
 * guard all read this one list, so what the browser enforces and what the markup
 * shows cannot disagree.
 *
 * Worked out once per (policy, route, allowed categories, vendor grants, regime)
 * and remembered per isolate: the same few combinations recur on every request.
 */
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import { judgeVendor } from "../enforce/judge-vendor.ts";
import type { CompiledVendor } from "../policy/compile.ts";
import { loadsUndeclared } from "./judge-host.ts";

export interface Allowlist {
  /** Host names, each covering its subdomains; sorted, none covered by another. The page's own origin is implied. */
  hosts: readonly string[];
  /**
   * Unclassified hosts are allowed under this visitor's regime: no list can name
   * them, so the browser cannot enforce an allowlist (no CSP is sent).
   */
  open: boolean;
  /** A key that changes whenever the list does (caches, the guard's "did it widen?"). */
  key: string;
}

const cache = new Map<string, Allowlist>();
const CACHE_LIMIT = 512;
/** Two compiled policies may share an id (tests, a policy reloaded): the key tells them apart. */
const serials = new WeakMap<object, number>();
let nextSerial = 0;

export function allowlistKey({ policy, decision, route }: JudgeContext): string {
  let serial = serials.get(policy);
  if (serial === undefined) serials.set(policy, (serial = nextSerial++));
  return `${serial}|${policy.id}|${route.source}|${decision.regime}|${[...decision.allowed].sort().join(",")}|${[...decision.vendorGrants].sort().join(",")}`;
}

export function allowlistFor(context: JudgeContext): Allowlist {
  const key = allowlistKey(context);
  let list = cache.get(key);
  if (list === undefined) {
    list = build(context, key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, list);
  }
  return list;
}

function build(context: JudgeContext, key: string): Allowlist {
  const { policy, decision } = context;
  const hosts = new Set<string>(policy.hosts);
  const admit = (vendor: CompiledVendor | undefined): void => {
    if (vendor === undefined || vendor.hosts.length === 0 || !loadsUndeclared(policy, vendor, context) || judgeVendor(vendor, context).blocked) return;
    for (const host of vendor.hosts) hosts.add(host);
  };
  for (const vendor of policy.vendors) admit(vendor);
  // Vendors granted by name may come from the imported catalog, which `policy.vendors` does not hold.
  for (const id of decision.vendorGrants) admit(policy.vendorById(id));
  return { hosts: minimalHosts(hosts), open: policy.thirdParties.unclassified[decision.regime] === "allow", key };
}

/** Drops every host another one already covers (`www.example.com` under `example.com`), sorted. */
export function minimalHosts(hosts: Iterable<string>): string[] {
  const all = new Set(hosts);
  const kept: string[] = [];
  for (const host of all) {
    let covered = false;
    for (let dot = host.indexOf("."); dot >= 0 && !covered; dot = host.indexOf(".", dot + 1)) covered = all.has(host.slice(dot + 1));
    if (!covered) kept.push(host);
  }
  return kept.sort();
}

/** Whether `host` is one of the list's hosts or under one. */
export function allowlistCovers(list: Allowlist, host: string): boolean {
  for (const allowed of list.hosts) if (host === allowed || host.endsWith(`.${allowed}`)) return true;
  return false;
}
