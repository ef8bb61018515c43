/** `consentry scan` output: a cookie table, a host table, then what the policy does not cover. */
import { table } from "../check-policies.ts";
import type { Classified } from "./classify.ts";
import type { CrawlResult } from "./crawl.ts";
import { describeLifetime } from "./set-cookie.ts";

export function scanReport(crawl: CrawlResult, found: Classified, policyLabel: string, hasPolicy = true): string {
  const out: string[] = [];
  out.push(`Scanned ${crawl.pages.length} ${crawl.pages.length === 1 ? "page" : "pages"} of ${crawl.start.origin} against ${policyLabel}`);
  out.push("");
  out.push(`Cookies (${found.cookies.length})`);
  if (found.cookies.length > 0) {
    out.push(
      table([
        ["name", "domain", "path", "lifetime", "set by", "category", "vendor", "known from", "covered"],
        ...found.cookies.map((r) => [
          r.cookie.name,
          r.cookie.domain ?? "(host-only)",
          r.cookie.path,
          describeLifetime(r.cookie.lifetime),
          r.cookie.script === true ? "script" : "header",
          r.category ?? "-",
          r.vendor ?? "-",
          r.source,
          r.covered ? "yes" : "NO",
        ]),
      ]),
    );
  }
  out.push("");
  out.push(`Third-party hosts (${found.hosts.length})`);
  if (found.hosts.length > 0) {
    out.push(
      table([
        ["host", "vendor", "category", "loaded by", "covered"],
        ...found.hosts.map((r) => [
          r.host,
          r.firstParty ? "(the site's own)" : r.vendor === null ? "-" : `${r.vendor.name} (${r.vendor.source})`,
          r.category ?? "-",
          r.via.join(", "),
          r.covered ? "yes" : `NO: ${r.gap}`,
        ]),
      ]),
    );
  }
  if (found.snippets.length > 0) {
    out.push("");
    out.push(`Inline snippets: ${found.snippets.map((s) => `${s.name} (${s.category ?? "no category"})`).join(", ")}`);
  }
  const cookieGaps = found.cookies.filter((r) => !r.covered);
  const hostGaps = found.hosts.filter((r) => !r.covered);
  out.push("");
  if (cookieGaps.length + hostGaps.length === 0) out.push(hasPolicy ? `${policyLabel} covers every cookie and host found.` : "The catalog knows every cookie and host found.");
  else {
    out.push(hasPolicy ? `Not covered by ${policyLabel} (enforce mode would refuse these):` : "Unknown to the catalog (a policy must name these, or enforce mode refuses them):");
    for (const r of cookieGaps) out.push(`  cookie ${r.cookie.name}: no rule names it (unknown cookies are blocked)`);
    for (const r of hostGaps) {
      const why =
        r.gap === "unclassified" ? "nobody classified this host"
        : r.gap === "undeclared" ? `${r.vendor!.name} is in the imported catalog (${r.category}) but the policy does not name it`
        : `${r.vendor!.name} has no category in this policy`;
      out.push(`  host ${r.host}: ${why}`);
    }
    out.push(hasPolicy ? `Add them with --write (then review every "$comment" it adds), or by hand.` : `consentry init ${crawl.start.href} writes a policy that names them, for review.`);
  }
  return out.join("\n");
}

/** The same as JSON, for scripts. */
export function scanJson(crawl: CrawlResult, found: Classified, policy: string | null): unknown {
  return {
    origin: crawl.start.origin,
    policy,
    pages: crawl.pages,
    cookies: found.cookies.map((r) => ({ ...r.cookie, lifetimeText: describeLifetime(r.cookie.lifetime), category: r.category, vendor: r.vendor, source: r.source, covered: r.covered })),
    hosts: found.hosts.map((r) => ({ host: r.host, via: r.via, pages: r.pages, category: r.category, vendor: r.vendor, firstParty: r.firstParty, covered: r.covered, gap: r.gap })),
    snippets: found.snippets,
  };
}
