/**
 * Where the scanner stops the rewriter, checked against the rewriter itself: a
 * page is fed to a bare HTMLRewriter in workerd; the scanner must stop it before
 * exactly the pages it would fail on, and before the failing tag.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AmbiguityScanner } from "../../src/html/ambiguity-scanner.ts";
import { PROPERTY_RUNS } from "../support/property-runs.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function rewriterFails(html: string): Promise<boolean> {
  try {
    await new HTMLRewriter().transform(new Response(html, { headers: { "content-type": "text/html" } })).text();
    return false;
  } catch {
    return true;
  }
}

/** Feeds `html` in chunks of `size` bytes; answers the bytes fed and where the bypass began (-1: none). */
function scan(html: string, size: number): { fed: string; cut: number } {
  const bytes = encoder.encode(html);
  const scanner = new AmbiguityScanner();
  const fed: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < bytes.length; i += size) {
    const { feed, rest } = scanner.push(bytes.slice(i, i + size));
    fed.push(feed);
    total += feed.length;
    if (rest !== null) return { fed: decoder.decode(concat(fed)), cut: total };
  }
  fed.push(scanner.finish());
  return { fed: decoder.decode(concat(fed)), cut: -1 };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const CASES = [
  "<html><head></head><body><select><style>a{}</style></select><p>rest</p></body></html>",
  "<SELECT><OPTION>a<TITLE>t</TITLE></SELECT>",
  "<select a='>'><style>x</style>",
  "<select/><noscript>x</noscript>",
  "<html><head><title>f</title><script>1</script></head><frameset cols='50%,50%'><frame src=a></frameset><noframes><body>x</body></noframes><script>2</script>",
  "<select></select><style>x</style>",
  "<select><textarea>x</textarea><style>s</style>",
  "<select><input><style>s</style>",
  "<script>var a = '<select><style>';</script><style>x</style>",
  "<!-- <select> --><style>x</style>",
  "<noscript><select></noscript><style>x</style>",
  "<p title='<select>'><style>x</style>",
  "<select><script>1</script><style>s</style>",
  "<selectx><style>x</style>",
];

describe("ambiguity scanner", () => {
  it.each(CASES)("%j: stops exactly where the rewriter would fail", async (html) => {
    for (const size of [1, 3, 7, 4096]) {
      const { fed, cut } = scan(html, size);
      expect(cut >= 0, `chunk ${size}`).toBe(await rewriterFails(html));
      if (cut >= 0) {
        // The part the rewriter gets parses; the byte after it starts the tag it could not take.
        expect(await rewriterFails(fed)).toBe(false);
        expect(html.slice(fed.length)).toMatch(/^<[a-z]/i);
      } else expect(fed).toBe(html);
    }
  });

  it("should agree with the rewriter on random pages built from the tags that matter", async () => {
    const tag = fc.constantFrom("<select>", "</select>", "<style>s</style>", "<title>t</title>", "<script>1</script>", "<textarea>x</textarea>", "<frameset>", "<noframes>n</noframes>", "<p>", "<!-- c -->", "<input>", "<iframe></iframe>", "<option>o", "text");
    await fc.assert(
      fc.asyncProperty(fc.array(tag, { maxLength: 10 }), fc.integer({ min: 1, max: 9 }), async (parts, size) => {
        const html = parts.join("");
        expect(scan(html, size).cut >= 0).toBe(await rewriterFails(html));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  }, 600_000);
});
