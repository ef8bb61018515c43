/**
 * The catalog the Worker bundles (src/catalog/bundled.ts, trimmed by
 * scripts/worker-catalog.ts) against the whole one (src/catalog/lookup.ts): for
 * the bundled policies, every page that shows the catalog reads the same from
 * both, and every lookup a decision makes answers the same.
 */
import { describe, expect, it } from "vitest";
import { declarationTableHtml } from "../../src/banner/declaration.ts";
import { categoryViews } from "../../src/banner/view.ts";
import { catalog as bundled } from "../../src/catalog/bundled.ts";
import { catalog as whole } from "../../src/catalog/lookup.ts";
import { decide } from "../../src/decision/decide.ts";
import { POLICIES, UNCLAIMED } from "../../src/generated/policies.ts";
import { messagesFor } from "../../src/i18n/messages.ts";
import { compilePolicy } from "../../src/policy/compile.ts";

function declaration(policy: ReturnType<typeof compilePolicy>): string {
  const route = policy.route(new URL("https://example.com/"));
  const decision = decide({ policy, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
  return declarationTableHtml(policy, categoryViews(policy, decision), messagesFor("en"), "example.com");
}

describe("the Worker's catalog", () => {
  it.each([...POLICIES, UNCLAIMED].map((p) => [p.id, p] as const))("should give %s the same cookie declaration as the whole catalog", (_, policy) => {
    expect(declaration(compilePolicy(policy, bundled))).toBe(declaration(compilePolicy(policy, whole)));
  });

  it("should own every host and know every cookie as the whole catalog does", () => {
    for (const [host] of whole.imported.hosts()) expect(bundled.vendorForHost(`x.${host}`), host).toEqual(whole.vendorForHost(`x.${host}`));
    for (const vendor of whole.vendors) for (const host of vendor.hosts) expect(bundled.vendorForHost(host), host).toEqual(whole.vendorForHost(host));
    for (const { name, info } of whole.imported.cookies()) {
      const answer = bundled.cookieInfo(name)!;
      expect(answer.category, name).toBe(whole.cookieInfo(name)!.category);
      expect(answer.vendor, name).toBe(whole.cookieInfo(name)!.vendor);
      expect(info.category, name).toBeDefined();
    }
    expect(bundled.imported.vendors()).toEqual(whole.imported.vendors());
  });
});
