/**
 * `consentry explain <url>`: what Consentry decides for one visitor on one page,
 * and every cookie, tag and host with its action and reason. The page is
 * fetched once (from --origin when Consentry already stands in front of it);
 * the judgement is src/explain/explain-page.ts, the Worker's own modules.
 */
import "urlpattern-polyfill";
import { explainPage, type Explanation } from "../../src/explain/explain-page.ts";
import { snippetVendors } from "../../src/html/inline-snippets.ts";
import { buildCatalog, table } from "./check-policies.ts";
import { choosePolicy, type PolicyChoice } from "./load-policy.ts";
import { packageRoot } from "./package-root.ts";
import { crawl } from "./scan/crawl.ts";
import { EXIT, int, parse, str, urlArg, UsageError } from "./usage.ts";
import { parseModeHeader } from "./verify.ts";

export const explainHelp = `Usage: consentry explain <url> [options]

Fetches <url> once and shows what Consentry decides for one visitor: each
category with its reason, each cookie the page sets and each third-party host it
loads with the action (keep/remove, load/refuse) and the reason, and the
allowlist sent as the page's Content-Security-Policy. The judgement runs the
same modules as the Worker.

Options:
  --country CC      the visitor's country or subdivision: DE, FR, US-CA
                    (default: unknown, which gets the policy's strictest regime)
  --gpc             the browser sends Sec-GPC: 1
  --dnt             the browser sends DNT: 1
  --consent LIST    the visitor's stored choice: categories granted, comma-
                    separated (analytics,functional), "all" or "none"
                    (default: no choice yet)
  --vendor ID       a vendor allowed one by one ("Allow YouTube"); repeatable
  --origin URL      fetch the page from here instead (when Consentry already
                    answers at <url>, it has removed what it refuses)
  --policy ID       judge with policies/ID.json (default: the policy whose hosts
                    claim the host, or the only policy)
  --policies DIR    where policies live (default policies)
  --json            print the explanation as JSON
  --timeout MS      default 15000

Exit code: 0 explained, 1 the page or the policy could not be read, 2 usage error.`;

export async function explain(argv: readonly string[], cwd: string): Promise<number> {
  const args = parse(
    argv,
    {
      country: { type: "string" },
      gpc: { type: "boolean" },
      dnt: { type: "boolean" },
      consent: { type: "string" },
      vendor: { type: "string", multiple: true },
      origin: { type: "string" },
      policy: { type: "string" },
      policies: { type: "string" },
      json: { type: "boolean" },
      timeout: { type: "string" },
    },
    1,
  );
  if (args.values.help === true) return void console.log(explainHelp), EXIT.ok;
  const url = urlArg(args.positionals[0], "explain");
  const country = str(args, "country");
  if (country !== undefined && !/^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?$/.test(country)) throw new UsageError(`--country must be a country (DE) or a subdivision (US-CA): ${country}`);
  const catalog = buildCatalog(packageRoot);
  const chosen = choosePolicy(cwd, str(args, "policies") ?? "policies", str(args, "policy"), url.hostname, catalog);
  if (chosen === null) throw new UsageError(`no policy claims ${url.hostname}: name one with --policy ID (or consentry init)`);
  const policy = chosen.compiled;
  const consent = str(args, "consent");
  const granted = consent === undefined ? null : consent === "all" ? [...policy.optionalCategories] : consent === "none" || consent === "" ? [] : consent.split(",").map((s) => s.trim());
  for (const id of granted ?? []) if (!policy.categoryById.has(id)) throw new UsageError(`--consent: ${policy.id} has no category "${id}" (categories: ${policy.categories.map((c) => c.id).join(", ")})`);
  const vendors = (args.values.vendor as string[] | undefined) ?? [];

  const origin = str(args, "origin");
  const fetchUrl = origin === undefined ? url : new URL(url.pathname + url.search, urlArg(origin, "explain"));
  const page = await crawl(fetchUrl, { depth: 0, pages: 1, timeoutMs: int(args, "timeout", 15_000, 100, 120_000) });
  const via = page.startHeaders?.get("consentry") ?? null;
  const explanation = explainPage({
    policy,
    url,
    setCookies: [...page.cookies.values()].map((c) => c.line ?? `${c.name}=`),
    hosts: [...page.hosts.values()].map((h) => ({ host: h.host, via: [...h.via].sort() })),
    country: country?.toUpperCase(),
    gpc: args.values.gpc === true,
    dnt: args.values.dnt === true,
    choice: granted === null ? null : { granted, vendors },
    now: Math.floor(Date.now() / 1000),
  });
  const snippets = [...new Set(page.inlineScripts.flatMap((text) => snippetVendors(text, policy.vendors).map((v) => `${v.name} (${v.category ?? "no category"})`)))];
  if (args.values.json === true) {
    console.log(JSON.stringify({ url: url.href, fetched: fetchUrl.href, policy: chosen.file, ...toJson(explanation), snippets }, null, 2));
    return EXIT.ok;
  }
  console.log(render(url, fetchUrl, chosen, explanation, { country, granted, vendors, via, snippets }));
  return EXIT.ok;
}

function toJson(e: Explanation): object {
  return {
    route: { pattern: e.route.source, mode: e.route.mode },
    decision: { jurisdiction: e.decision.jurisdiction, regime: e.decision.regime, gpc: e.decision.gpc, hasChoice: e.decision.hasChoice, showBanner: e.decision.showBanner, categories: e.decision.categories, vendorGrants: [...e.decision.vendorGrants] },
    cookies: e.cookies,
    hosts: e.hosts,
    allowlist: e.allowlist?.hosts ?? null,
  };
}

function render(
  url: URL,
  fetched: URL,
  chosen: PolicyChoice,
  e: Explanation,
  v: { country: string | undefined; granted: string[] | null; vendors: string[]; via: string | null; snippets: string[] },
): string {
  const d = e.decision;
  const out: string[] = [];
  out.push(`${url.href}${fetched.href === url.href ? "" : ` (fetched from ${fetched.href})`}`);
  out.push(`policy   ${d.policyId} revision ${d.revision} (${chosen.file}, chosen by ${chosen.how})`);
  out.push(`route    ${e.route.source}: mode ${e.route.mode}${e.route.banner ? "" : ", no banner"}`);
  out.push(`visitor  ${d.jurisdiction === "unknown" ? "country unknown" : d.jurisdiction} → ${d.regime}; GPC ${d.gpc ? "on" : "off"}; ${v.granted === null ? "no choice yet" : `chose ${v.granted.length === 0 ? "nothing optional" : v.granted.join(", ")}`}${v.vendors.length > 0 ? `, allowed ${v.vendors.join(", ")}` : ""}`);
  out.push(`banner   ${d.showBanner ? "shown" : "not shown"}`);
  if (v.via !== null) {
    const f = parseModeHeader(v.via);
    out.push(`note     this answer came through Consentry (policy ${f.policy}, mode ${f.mode}): cookies it removed are not in it; use --origin to see the origin's own answer`);
  }
  out.push("");
  out.push("Categories");
  out.push(table([["category", "", "reason"], ...Object.entries(d.categories).map(([id, c]) => [id, c.allowed ? "allowed" : "refused", c.reason])]));
  out.push("");
  out.push(`Cookies the page sets (${e.cookies.length})`);
  if (e.cookies.length > 0) out.push(table([["cookie", "action", "category", "vendor", "reason"], ...e.cookies.map((c) => [c.name, c.action, c.category ?? "-", c.vendor ?? "-", c.reason])]));
  out.push("");
  out.push(`Third-party hosts the page loads (${e.hosts.length})`);
  if (e.hosts.length > 0) out.push(table([["host", "action", "vendor", "category", "reason", "loaded by"], ...e.hosts.map((h) => [h.host, h.action, h.vendor ?? "-", h.category ?? "-", h.reason, h.via.join(", ")])]));
  if (v.snippets.length > 0) out.push(`\nInline snippets (kept; their requests and cookies are judged as above): ${v.snippets.join(", ")}`);
  out.push("");
  out.push(e.allowlist === null ? "Allowlist: no Content-Security-Policy for this visitor" : `Allowlist (Content-Security-Policy, besides the page itself): ${e.allowlist.hosts.join(" ") || "(none)"}`);
  return out.join("\n");
}
