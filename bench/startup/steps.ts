export {};
/**
 * One fresh run of what a Worker isolate does with the catalog and the policies,
 * step by step, timed in Node (bench/startup-steps.ts bundles and runs it). The
 * policies' route patterns go to a stand-in URLPattern: Node 22 has none, and
 * workerd's is native.
 */
(globalThis as { URLPattern?: unknown }).URLPattern = class {
  test(): boolean {
    return false;
  }
};
const { catalog } = await import("../../src/catalog/bundled.ts");
const { POLICIES, UNCLAIMED } = await import("../../src/generated/policies.ts");
const { compilePolicy } = await import("../../src/policy/compile.ts");
const { categoryViews } = await import("../../src/banner/view.ts");
const { decide } = await import("../../src/decision/decide.ts");

// Node loads its URL implementation on first use; workerd's is native.
const page = new URL("https://example.com/");
// Printed at the end: Node sets up its stdout on the first print, which would count in the next step.
const lines: string[] = [];
let t0 = performance.now();
const step = (name: string) => {
  const t1 = performance.now();
  lines.push(`${name}\t${(t1 - t0).toFixed(2)}`);
  t0 = t1;
};
const [policy] = [...POLICIES, UNCLAIMED].map((p) => compilePolicy(p, catalog));
step("compile the 3 policies against the catalog (module load)");
const route = policy!.route(page);
const decision = decide({ policy: policy!, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
step("decide");
catalog.imported.cookieInfo("-");
step("index the imported cookies (first banner or unknown cookie)");
categoryViews(policy!, decision);
step("the banner's categories and declaration, first time");
policy!.vendorForHost("www.googletagmanager.com");
step("a curated host");
policy!.vendorForHost("x.unknown.example");
step("index the imported hosts (first host no curated vendor owns)");
console.log(lines.join("\n"));
