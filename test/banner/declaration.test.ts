/**
 * The cookie declaration: every row names the cookie's purpose, provider,
 * lifetime and domain, from the policy first and the catalog (the Open Cookie
 * Database's description and retention) where the policy says nothing.
 */
import { describe, expect, it } from "vitest";
import { declarationTableHtml } from "../../src/banner/declaration.ts";
import { categoryViews } from "../../src/banner/view.ts";
import { cookieInfo } from "../../src/catalog/lookup.ts";
import { decide } from "../../src/decision/decide.ts";
import { messagesFor } from "../../src/i18n/messages.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { variant, westhub, whereby, wherebyInput } from "../support/policies.ts";

function table(policy: CompiledPolicy, host = "example.com"): { html: string; rows: string[][] } {
  const route = policy.route(new URL(`https://${host}/`));
  const decision = decide({ policy, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
  const html = declarationTableHtml(policy, categoryViews(policy, decision), messagesFor("en"), host);
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((r) => [...r[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "")));
  return { html, rows };
}

describe("the cookie declaration", () => {
  it("should head its columns name, category, set by, purpose, lifetime and domain", () => {
    expect(table(westhub).html).toContain(
      `<thead><tr><th scope="col">Name</th><th scope="col">Category</th><th scope="col">Set by</th><th scope="col">Purpose</th><th scope="col">Lifetime</th><th scope="col">Domain</th></tr></thead>`,
    );
  });

  it.each([
    ["westhub", westhub],
    ["whereby", whereby],
  ] as const)("should give every %s cookie a provider, a purpose, a lifetime and a domain, saying so where nobody states one", (_, policy) => {
    const { rows } = table(policy);
    expect(rows.length).toBeGreaterThan(5);
    for (const [name = "", category, by, purpose, lifetime, domain] of rows) {
      expect(category, name).not.toBe("");
      expect(by, name).not.toBe("");
      expect(purpose, name).not.toBe("");
      expect(lifetime, `${name} lifetime`).not.toBe("");
      expect(domain, name).toBe("example.com");
      if (lifetime === "Not stated") expect(cookieInfo(name.replace(/\*$/, ""))?.retention, name).toBeUndefined();
    }
    // The catalog answers for most of them.
    expect(rows.filter((r) => r[4] !== "Not stated").length).toBeGreaterThan(policy === whereby ? 15 : 10);
  });

  it("should take the lifetime and purpose of a vendor's cookie from the catalog", () => {
    const { rows } = table(whereby);
    const ga = rows.find((r) => r[0] === "_ga")!;
    expect(ga[2]).toBe("Google Analytics");
    expect(ga[3]).toBe(cookieInfo("_ga")!.purpose);
    expect(ga[4]).toBe(cookieInfo("_ga")!.retention);
    expect(ga[4]).toMatch(/year|month|day/i);
  });

  it("should prefer the policy's own purpose, retention and domains, and show the consent cookie's lifetime", () => {
    const edited = variant(wherebyInput, (p) => {
      p.cookies = [{ name: "wb_pref", category: p.categories.find((c) => !c.required && !c.forbidden)!.id, purpose: "Remembers <b>you</b>", retention: "30 days", domains: [".whereby.com"] }, ...(p.cookies ?? [])];
    });
    const { html, rows } = table(edited, "whereby.com");
    expect(rows.find((r) => r[0] === "wb_pref")!.slice(3)).toEqual(["Remembers &lt;b&gt;you&lt;/b&gt;", "30 days", ".whereby.com"]);
    expect(html).not.toContain("<b>you");
    expect(rows[0]!.slice(4)).toEqual([`${edited.consent.lifetimeDays} days`, "whereby.com"]);
  });
});
