/**
 * Properties of the whole Worker (createApp with the real page rewriter, as
 * src/index.ts builds it), over generated input: Set-Cookie lines, Cookie
 * headers, visitors, and HTML documents streamed in random chunk boundaries
 * from an in-process origin. Runs per property: PROPERTY_RUNS (200 in CI;
 * `npm run test:nightly` runs 10,000).
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { isOwnCookieName } from "../../src/consent/consent-cookie-name.ts";
import { decide, type Decision } from "../../src/decision/decide.ts";
import { decideFor, readSignals } from "../../src/decision/request-decision.ts";
import { judgeHost } from "../../src/allowlist/judge-host.ts";
import { judgeVendor } from "../../src/enforce/judge-vendor.ts";
import { createPageRewriter } from "../../src/html/page-rewriter.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { loadPolicy } from "../../src/policy/load.ts";
import { chunked, cookieHeader, cuts, htmlDocument, inOrder, policyInput, setCookieLine, visitor, type Document, type Visitor } from "../support/arbitraries.ts";
import { catalog, westhub, westhubInput, whereby, wherebyInput } from "../support/policies.ts";
import { budget, propertyRuns } from "../support/provided.ts";
import { withoutGuard, withoutUi } from "../support/rewrite.ts";
import { consentCookie } from "../support/visitor.ts";

const RUNS = propertyRuns();

interface Scenario {
  body: Uint8Array;
  cuts: readonly number[];
  setCookies: readonly string[];
  /** What the origin received. */
  cookie?: string | null;
}

/** The Worker with an origin that serves the current scenario, chunk by chunk. */
function worker(policy: CompiledPolicy) {
  let scenario: Scenario = { body: new Uint8Array(), cuts: [], setCookies: [] };
  const app = createApp({
    registry: { byId: new Map([[policy.id, policy]]), select: () => policy },
    transformHtml: createPageRewriter(),
    log: () => {},
    fetchOrigin: async (request) => {
      scenario.cookie = request.headers.get("cookie");
      const headers = new Headers({ "content-type": "text/html; charset=utf-8" });
      for (const line of scenario.setCookies) headers.append("set-cookie", line);
      return new Response(chunked(scenario.body, scenario.cuts), { headers });
    },
  });
  return async (url: string, who: Visitor, extraCookies: string, next: Scenario) => {
    scenario = next;
    const headers = new Headers();
    const cookies = [extraCookies];
    if (who.granted !== null) cookies.unshift(await consentCookie(policy, who.granted));
    else if (who.junk !== null) cookies.unshift(`__Host-consentry=${who.junk}`);
    headers.set("cookie", cookies.filter((c) => c !== "").join("; "));
    if (who.gpc) headers.set("sec-gpc", "1");
    if (who.dnt) headers.set("dnt", "1");
    const request = new Request(url, { headers, cf: who.cf } as RequestInit);
    // The decision the response must honour, read from the same request by the decision module.
    const decision = decideFor(policy, policy.route(new URL(url)), await readSignals(request.clone(), env, policy, Date.now()));
    const response = await app.fetch(request, env);
    let text: string | null = null;
    let error: unknown = null;
    try {
      text = await response.text();
    } catch (e) {
      error = e;
    }
    return { response, text, error, decision, received: scenario.cookie ?? null };
  };
}

/** Whether a cookie of this name may reach the browser or the origin under the decision. */
/** RFC 6265bis §5.6: the name is what comes before the first `=` of the pair before the first `;`, and empty without one (`A!` is a nameless cookie). */
function cookieName(line: string): string {
  const pair = line.split(";", 1)[0]!;
  const eq = pair.indexOf("=");
  return eq < 0 ? "" : pair.slice(0, eq).trim();
}

function consented(policy: CompiledPolicy, decision: Decision, name: string): boolean {
  if (isOwnCookieName(policy.consent, name)) return false;
  const { category } = policy.classifyCookie(name);
  if (category === null) return policy.unknownCookies === "allow";
  return decision.categories[category]?.allowed === true;
}

const encoder = new TextEncoder();
const POLICIES = [westhub, whereby] as const;
const PATHS = ["/", "/pricing", "/billing/x", "/dialer"];
const page = (policy: CompiledPolicy) => htmlDocument({ urls: urlsFor(policy), snippets: true, knownIssues: true });

describe.each(POLICIES)("the Worker under $id, over generated input", (policy) => {
  const call = worker(policy);

  it(`should let no cookie of an unconsented category out, either way, and keep every consented one (${RUNS} runs)`, { timeout: budget(RUNS, 6) }, async () => {
    await fc.assert(
      fc.asyncProperty(visitor(policy), fc.array(setCookieLine(policy), { maxLength: 8 }), cookieHeader(policy), fc.constantFrom(...PATHS), async (who, lines, header, path) => {
        const { response, error, decision, received } = await call(`https://${policy.hosts[0] ?? "site.example"}${path}`, who, header, { body: encoder.encode("<p>ok</p>"), cuts: [], setCookies: lines });
        expect(response.status).toBe(200);
        expect(error).toBeNull();
        const all = response.headers.getSetCookie();
        if (decision.mode !== "enforce") return;
        // Expiry lines may name anything: they delete. Every other line must be consented.
        for (const line of all.filter((l) => !/Max-Age=0/i.test(l))) expect(consented(policy, decision, cookieName(line)), line).toBe(true);
        // Nothing over-blocked: a consented cookie the policy itself declares (no vendor, no route rule) goes through.
        for (const line of lines) {
          const name = line.split(";", 1)[0]!.split("=", 1)[0]!.trim();
          if (line.includes("=") && policy.classifyCookie(name).vendor === undefined && consented(policy, decision, name)) expect(all, line).toContain(line);
        }
        for (const pair of (received ?? "").split(/;|, /)) {
          const eq = pair.indexOf("=");
          if (eq > 0) expect(consented(policy, decision, pair.slice(0, eq).trim()), pair).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`should never throw or truncate a page, and show the banner exactly once when it must ask (${RUNS} runs)`, { timeout: budget(RUNS, 10) }, async () => {
    const documents = page(policy).chain((doc) => fc.tuple(fc.constant(doc), cuts(encoder.encode(doc.html).length)));
    await fc.assert(
      fc.asyncProperty(visitor(policy), documents, fc.constantFrom("/", "/pricing"), async (who, [doc, at], path) => {
        const { response, text, error, decision } = await call(`https://${policy.hosts[0]}${path}`, who, "", { body: encoder.encode(doc.html), cuts: at, setCookies: [] });
        expect(response.status).toBe(200);
        expect(error).toBeNull();
        expect(inOrder(text!, doc.markers), text!).toBe(true);
        expect(count(text!, `<section id="consentry" class="cy" role="region"`)).toBe(decision.showBanner ? 1 : 0);
        expect(count(text!, "data-consentry-guard")).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the Worker under generated policies", () => {
  const policies = policyInput([westhubInput, wherebyInput], catalog.vendors.map((v) => v.id))
    .map((data) => {
      try {
        return loadPolicy(`policies/${String(data.id)}.json`, data, catalog);
      } catch {
        return null;
      }
    })
    .filter((p): p is CompiledPolicy => p !== null);

  it(`should never throw, truncate a page, or let an unconsented cookie out (${RUNS} runs)`, { timeout: budget(RUNS, 12) }, async () => {
    const cases = policies.chain((policy) =>
      fc.tuple(fc.constant(policy), visitor(policy), fc.array(setCookieLine(policy), { maxLength: 6 }), cookieHeader(policy), page(policy).chain((doc) => fc.tuple(fc.constant(doc), cuts(encoder.encode(doc.html).length)))),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([policy, who, lines, header, [doc, at]]) => {
        const { response, text, error, decision } = await worker(policy)(`https://${policy.hosts[0] ?? "site.example"}/`, who, header, { body: encoder.encode(doc.html), cuts: at, setCookies: lines });
        expect(response.status).toBe(200);
        expect(error).toBeNull();
        expect(inOrder(text!, doc.markers)).toBe(true);
        // `report-only` and `off` routes let cookies through by design (a generated route may be either).
        if (decision.mode !== "enforce") return;
        for (const line of response.headers.getSetCookie().filter((l) => !/Max-Age=0/i.test(l))) expect(consented(policy, decision, cookieName(line)), line).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("with nothing to refuse", () => {
  const policy = whereby;
  const route = policy.route(new URL("https://whereby.com/"));
  const decision = decide({ policy, route, consent: { status: "valid", choice: { granted: [...policy.optionalCategories], refused: [], vendors: [], revision: policy.revision, time: 0, id: "x".repeat(22), gpc: false } }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
  const allowed = urlsFor(policy).filter((url) => {
    const host = URL.canParse(url, "https://whereby.com/") ? new URL(url, "https://whereby.com/").hostname : "";
    // The allowlist: the site itself, and every host judgeHost lets through for this visitor (hosts nobody knows are refused).
    return host === "" || host === "whereby.com" || judgeHost(host, "whereby.com", { policy, decision, route }).allowed;
  });
  const call = worker(policy);

  it(`should give the origin's bytes back, apart from Consentry's own insertions (${RUNS} runs)`, { timeout: budget(RUNS, 10) }, async () => {
    const documents = htmlDocument({ urls: allowed, snippets: false, knownIssues: true }).chain((doc) => fc.tuple(fc.constant(doc), cuts(encoder.encode(doc.html).length)));
    await fc.assert(
      fc.asyncProperty(documents, async ([doc, at]: [Document, number[]]) => {
        const who: Visitor = { cf: { country: "DE", isEUCountry: "1" }, gpc: false, dnt: false, granted: [...policy.optionalCategories], junk: null };
        const { text, error } = await call("https://whereby.com/", who, "", { body: encoder.encode(doc.html), cuts: at, setCookies: [] });
        expect(error).toBeNull();
        // Consentry's insertions: the head script (Consent Mode defaults, the guard for cookie writes) once, and its own UI.
        expect(count(text!, "data-consentry-guard")).toBe(1);
        expect(withoutGuard(text!)).toBe(doc.html);
      }),
      { numRuns: RUNS },
    );
  });
});

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Third-party URLs of every vendor the policy knows, first-party ones, and hosts nobody knows. */
function urlsFor(policy: CompiledPolicy): string[] {
  const hosts = [...new Set(policy.vendors.flatMap((v) => v.hosts))].slice(0, 60);
  return [
    ...hosts.map((h) => `https://${h}/t.js?a=1&b=2`),
    "https://www.facebook.com/tr?id=1&ev=PageView",
    "//www.google-analytics.com/analytics.js",
    "/app.js",
    "app.js",
    "https://cdn.example.org/lib.js",
    "data:text/javascript,1",
  ];
}

/**
 * Counterexamples the properties above once found (issue 9 item 5): the streaming
 * parser stopped on them and cut the page short. Since the ambiguity scanner
 * (src/html/ambiguity-scanner.ts), they are plain tests, and the generator emits
 * such constructs too (`knownIssues`).
 */
describe("markup the streaming parser cannot take on its own", () => {
  const call = worker(westhub);
  const noChoice: Visitor = { cf: { country: "DE", isEUCountry: "1" }, gpc: false, dnt: false, granted: null, junk: null };
  const shown = async (html: string) => {
    const { text, error } = await call("https://westhub.app/", noChoice, "", { body: encoder.encode(html), cuts: [], setCookies: [] });
    expect(error).toBeNull();
    expect(text).toContain("MARK0000");
  };

  it("should deliver a page with <select><style> whole", async () => {
    await shown(`<body><select><style>x{}</style></select><p id="end">MARK0000</p>`);
  });

  it("should deliver a page with <frameset> followed by <noscript> whole", async () => {
    await shown(`<body><frameset><frame src="/f"></frameset><noscript><img src="https://omtrdc.net/t.js"></noscript><p id="end">MARK0000</p>`);
  });
});
