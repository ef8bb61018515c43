/**
 * The receipt as a page a person can read, and the choice between it and JSON.
 */
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/messages.ts";
import type { Receipt } from "../../src/receipts/receipt.ts";
import { receiptPage, wantsHtml } from "../../src/site/receipt-page.ts";
import { whereby } from "../support/policies.ts";

const receipt: Receipt = {
  id: "r".repeat(22),
  time: Date.parse("2026-12-07T14:30:00Z") / 1000,
  policy: "whereby",
  revision: whereby.revision,
  choice: { authentication: true, payment: true, analysis: false, integrations: true, advertising: false },
  vendors: ["youtube", "<img src=x onerror=alert(1)>"],
  method: "custom",
  gpc: true,
  regime: "opt-out",
  country: "US-TX",
};

const rows = async (response: Response) => {
  const html = await response.text();
  return { html, rows: Object.fromEntries([...html.matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [m[1], m[2]!.replace(/<\/?code>/g, "")])) };
};

describe("the receipt page", () => {
  it("should answer a browser with HTML and a script with JSON", () => {
    expect(wantsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBe(true);
    expect(wantsHtml("application/json")).toBe(false);
    expect(wantsHtml("application/json, text/html")).toBe(false);
    expect(wantsHtml("*/*")).toBe(false);
    expect(wantsHtml(null)).toBe(false);
  });

  it("should name the date, the categories, the vendors, the method and GPC", async () => {
    const response = receiptPage({ policy: whereby, receipt, language: { locale: "en", messages: messagesFor("en") } });
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { rows: r, html } = await rows(response);
    expect(r).toMatchObject({
      Receipt: receipt.id,
      Date: "December 7, 2026 at 2:30 PM UTC",
      "How you chose": "Save choices",
      Allowed: "Authentication, Payment and fraud detection, Integrations",
      "Not allowed": "Analysis, Advertising",
      "Global Privacy Control signal": "Yes",
    });
    expect(r["Allowed one by one"]).toBe("YouTube, &lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
  });

  it("should write the date and the policy's labels in the visitor's language", async () => {
    const { rows: r } = await rows(receiptPage({ policy: whereby, receipt, language: { locale: "de", messages: messagesFor("de") } }));
    expect(r.Datum).toMatch(/^7\. Dezember 2026 um 14:30 UTC$/);
    expect(r["Nicht erlaubt"]).toBe("Analyse, Werbung");
    expect(r["Global-Privacy-Control-Signal"]).toBe("Ja");
  });
});
