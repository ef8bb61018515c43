/**
 * Enforce mode's counts in Workers Analytics Engine: the data points a response's
 * refusals become (pure), and what the Worker's app writes, in workerd, against the
 * demo origin. The dataset is the edge: a recording object stands where the
 * binding goes (the local simulator keeps nothing to read back), and the real
 * binding miniflare provides is exercised too.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { MAX_POINTS, refusalDataPoints } from "../../src/enforce/refusal-counts.ts";
import { createPageRewriter } from "../../src/html/page-rewriter.ts";
import { loadRegistry } from "../../src/policy/load.ts";
import { catalog, westhubInput, wherebyInput } from "../support/policies.ts";
import { EU } from "../support/visitor.ts";

const SCOPE = { policy: "westhub", route: "(default)", site: "westhub.app" };

function recorder() {
  const points: AnalyticsEngineDataPoint[] = [];
  return { points, dataset: { writeDataPoint: (p?: AnalyticsEngineDataPoint) => void points.push(p!) } satisfies AnalyticsEngineDataset };
}

async function visit(url: string, bindings: Partial<typeof env>, headers: Record<string, string> = {}, onSent?: () => void) {
  const data = structuredClone(westhubInput);
  data.routes!.unshift({ pattern: "/trackers", mode: "report-only" });
  const registry = loadRegistry([{ file: "policies/westhub.json", data }, { file: "policies/whereby.json", data: wherebyInput }], catalog);
  const logs: string[] = [];
  const app = createApp({ registry, transformHtml: createPageRewriter(), log: (line) => logs.push(line) });
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(url, { cf: EU, headers, redirect: "manual" } as RequestInit), { ...env, ...bindings }, ctx);
  onSent?.();
  const body = await response.text();
  await waitOnExecutionContext(ctx);
  return { response, body, logs };
}

describe("refusalDataPoints", () => {
  it("should group a response's refusals into one point per cookie or host, with the count", () => {
    const points = refusalDataPoints(
      [
        { kind: "host", name: "www.facebook.com", category: "marketing", vendor: "meta-pixel", reason: "forbidden" },
        { kind: "host", name: "www.facebook.com", category: "marketing", vendor: "meta-pixel", reason: "forbidden" },
        { kind: "cookie", name: "mystery", category: null, vendor: null, reason: "unknown" },
      ],
      SCOPE,
    );
    expect(points).toEqual([
      { indexes: ["westhub"], blobs: ["westhub", "(default)", "westhub.app", "marketing", "meta-pixel", "third-party", "www.facebook.com", "forbidden"], doubles: [2] },
      { indexes: ["westhub"], blobs: ["westhub", "(default)", "westhub.app", "", "", "cookie", "mystery", "unknown"], doubles: [1] },
    ]);
  });

  it(`should fold what passes ${MAX_POINTS} points into one`, () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ kind: "host" as const, name: `t${i}.example`, category: null, vendor: null, reason: "unclassified" }));
    const points = refusalDataPoints(many, SCOPE);
    expect(points).toHaveLength(MAX_POINTS);
    expect(points.at(-1)).toEqual({ indexes: ["westhub"], blobs: ["westhub", "(default)", "westhub.app", "", "", "other", "(other)", "other"], doubles: [50 - (MAX_POINTS - 1)] });
    expect(points.reduce((n, p) => n + p.doubles![0]!, 0)).toBe(50);
  });
});

describe("the ANALYTICS binding", () => {
  it("should write what an enforced page refused: its cookies at once, its tags when the document ends", async () => {
    const { points, dataset } = recorder();
    let atResponse = -1;
    const { body } = await visit("https://westhub.app/", { ANALYTICS: dataset }, { cookie: "_ga=GA1.1.1.1; session=y" }, () => (atResponse = points.length));
    expect(body).toContain("Welcome to Northwind");
    const row = (p: AnalyticsEngineDataPoint) => [...p.blobs!.slice(3), p.doubles![0]].join(" ");
    // The response's headers were shaped: the cookie refusals are written, the page's are still streaming.
    expect(points.slice(0, atResponse).map(row)).toEqual([
      "analytics google-analytics cookie _ga no-choice 2",
      "functional  cookie theme no-choice 1",
      "analytics  cookie wh_aid no-choice 1",
      "marketing meta-pixel cookie _fbp forbidden 1",
      "  cookie mystery unknown 1",
    ]);
    expect(points.slice(atResponse).map(row)).toEqual([
      "analytics google-tag-manager third-party www.googletagmanager.com no-choice 1",
      "marketing youtube third-party www.youtube.com forbidden 1",
      "marketing meta-pixel third-party www.facebook.com forbidden 1",
      "marketing linkedin-insight third-party snap.licdn.com forbidden 1",
    ]);
    for (const p of points) expect(p.blobs!.slice(0, 3)).toEqual(["westhub", "(default)", "westhub.app"]);
    expect(JSON.stringify(points)).not.toMatch(/GA1\.1|session/);
  });

  it("should write nothing in report-only mode, nor when nothing was refused", async () => {
    const { points, dataset } = recorder();
    await visit("https://westhub.app/trackers", { ANALYTICS: dataset });
    await visit("https://westhub.app/binary.png", { ANALYTICS: dataset });
    expect(points).toEqual([]);
  });

  it("should serve the page when writing fails, and the same page without the binding", async () => {
    const failing = { writeDataPoint: () => { throw new Error("dataset unavailable"); } } satisfies AnalyticsEngineDataset;
    const a = await visit("https://westhub.app/", { ANALYTICS: failing });
    const b = await visit("https://westhub.app/", { ANALYTICS: undefined });
    expect(a.response.status).toBe(200);
    expect(a.logs.filter((l) => l.includes("analytics-write-failed"))).toHaveLength(2);
    expect(a.body).toBe(b.body);
    expect(a.response.headers.getSetCookie()).toEqual(b.response.headers.getSetCookie());
  });
});

describe("the ANALYTICS binding miniflare provides", () => {
  it("should be bound in the tests, take the points and leave the page as without it", async () => {
    expect(env.ANALYTICS).toBeDefined();
    const a = await visit("https://westhub.app/", {});
    const b = await visit("https://westhub.app/", { ANALYTICS: undefined });
    expect(a.body).toBe(b.body);
    expect(a.logs.filter((l) => l.includes("analytics-write-failed"))).toEqual([]);
  });
});
