/**
 * `consentry report` on what the Worker logged and left in D1: the fixtures are the
 * Worker's own lines and rows (test/cli/tail-fixture.test.ts holds them to what it
 * logs now), in the forms wrangler prints them. The summary text is pinned.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { consentry } from "./run.ts";

const TAIL = resolve("test/node/cli/fixtures/wrangler-tail.txt");
const D1 = resolve("test/node/cli/fixtures/d1-inventory.json");
const ENTRY = resolve("scripts/cli/consentry.ts");
const SLOW = { timeout: 60_000 };

/** A folder without policies: the reasons logged at the time decide what is to review. */
const empty = () => mkdtempSync(join(tmpdir(), "consentry-report-"));

const SUMMARY = `Read 11 report-only, 11 refused (logged for every response), 1 cookie-expired, 2 csp-violation and 2 storage-reported lines; 4 inventory rows

By route
policy   route      report-only  refused  expired  csp reports  storage reports  inventory
westhub  (default)  0            11       1        2            2                4
westhub  /trackers  11           0        0        0            0                0

By category
category    count
marketing   12
analytics   11
(none)      6
functional  2

By vendor
vendor              category   count
meta-pixel          marketing  6
google-analytics    analytics  5
google-ads          marketing  2
google-tag-manager  analytics  2
hotjar              analytics  2
linkedin-insight    marketing  2
youtube             marketing  2

Hosts (7)
host                              vendor              category   reason        what                                      count
www.facebook.com                  meta-pixel          marketing  forbidden     neutralise-resource, remove-noscript-tag  3
collect.unlisted-tracker.example  -                   -          unclassified  script-src-elem                           2
snap.licdn.com                    linkedin-insight    marketing  forbidden     neutralise-script                         2
static.hotjar.com                 hotjar              analytics  reported      script-src-elem                           2
www.googletagmanager.com          google-tag-manager  analytics  no-choice     neutralise-script                         2
www.youtube.com                   youtube             marketing  forbidden     neutralise-frame                          2
connect.facebook.net              meta-pixel          marketing  forbidden     neutralise-resource                       1

Cookies (5)
cookie   vendor            category    reason     what                                                   count
_ga      google-analytics  analytics   no-choice  strip-set-cookie, strip-request-cookie, expire-cookie  5
_fbp     meta-pixel        marketing   forbidden  strip-set-cookie                                       2
mystery  -                 -           unknown    strip-set-cookie                                       2
theme    -                 functional  no-choice  strip-set-cookie                                       2
wh_aid   -                 analytics   no-choice  strip-set-cookie                                       2

Storage names scripts wrote (2)
name            vendor      category   reason     what     count
_gcl_ls         google-ads  marketing  forbidden  refused  2
wh_mystery_key  -           -          unknown    refused  2

Not covered by the policy (3): the catalog's suggestion
         name                              reason        suggestion
host     collect.unlisted-tracker.example  unclassified  not in the catalog: add a vendor of your own to "vendors" with this host and its category, or leave it refused
cookie   mystery                           unknown       not in the catalog: add it to "cookies" with its category
storage  wh_mystery_key                    unknown       not in the catalog: add it to "storage" with its category
`;

describe("consentry report", () => {
  it("should sum up wrangler tail's output and the D1 inventory by route, category, vendor, host and cookie", SLOW, () => {
    const run = consentry(["report", TAIL, "--d1-json", D1], empty());
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(SUMMARY);
    expect(run.status).toBe(1);
  });

  it("should read the same lines from standard input, as one JSON line each, or as wrangler dev prints them", SLOW, () => {
    const tail = readFileSync(TAIL, "utf8");
    const piped = spawnSync(process.execPath, [ENTRY, "report", "--json"], { cwd: empty(), input: tail, encoding: "utf8" });
    const fromTail = JSON.parse(piped.stdout);
    expect(fromTail.lines).toEqual({ "report-only": 11, refused: 11, "cookie-expired": 1, "csp-violation": 2, "storage-reported": 2, inventory: 0 });
    // Workers Logs / jq -c: one line each; wrangler dev: the line after its own prefixes, between its request lines.
    const messages = [...tail.matchAll(/"(\{\\"consentry.*)"\n/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(messages).toHaveLength(27);
    const dir = empty();
    writeFileSync(join(dir, "lines.jsonl"), messages.join("\n"));
    writeFileSync(join(dir, "dev.log"), messages.map((m, i) => `[wrangler:info] GET /x 200 OK (${i} ms)\n${m}`).join("\n"));
    for (const file of ["lines.jsonl", "dev.log"]) {
      const run = consentry(["report", file, "--json"], dir);
      expect(JSON.parse(run.stdout)).toEqual(fromTail);
    }
  });

  it("should give the catalog's suggestion for what the policy does not cover, and drop what the policy covers now", SLOW, () => {
    const lines = [
      { consentry: "csp-violation", policy: "site", route: "/*", path: "/", host: "api.mixpanel.com", directive: "connect-src", disposition: "enforce", vendor: null, category: null },
      { consentry: "report-only", policy: "site", route: "/*", path: "/", action: "strip-set-cookie", cookie: "_hjSessionUser_123", category: null, reason: "unknown" },
      { consentry: "report-only", policy: "site", route: "/*", path: "/", action: "strip-set-cookie", cookie: "cart_token", category: null, reason: "unknown" },
      { consentry: "report-only", policy: "site", route: "/*", path: "/", action: "strip-set-cookie", cookie: "sid", category: null, reason: "unknown" },
      { consentry: "report-only", policy: "site", route: "/*", path: "/", action: "strip-set-cookie", cookie: "mystery_pref", category: null, reason: "unknown" },
      { consentry: "storage-reported", policy: "site", route: "/*", path: "/", name: "site_token", category: null, vendor: null, source: "unknown" },
    ].map((l) => JSON.stringify(l));
    const dir = empty();
    writeFileSync(join(dir, "log.jsonl"), lines.join("\n"));
    const before = consentry(["report", "log.jsonl"], dir);
    expect(before.status).toBe(1);
    expect(before.stdout).toMatch(/^host\s+api\.mixpanel\.com\s+unclassified\s+Mixpanel \(mixpanel\), analytics: name "mixpanel" in "vendors"$/m);
    expect(before.stdout).toMatch(/^cookie\s+_hjSessionUser_123\s+unknown\s+Hotjar, analytics: add it to "cookies" as analytics$/m);
    expect(before.stdout).toMatch(/^storage\s+site_token\s+unknown\s+not in the catalog: add it to "storage" with its category$/m);
    expect(before.stdout).toMatch(/^cookie\s+cart_token\s+unknown\s+not in the catalog; its name looks necessary \(session, sign-in, basket\): add it to "cookies" in a required category if the site needs it$/m);

    // The policy as it stands now names some of them, and the catalog it compiles with knows Hotjar's: only the rest is left.
    const init = consentry(["init", "--id", "site", "--host", "site.test"], dir);
    expect(init.status).toBe(0);
    const policy = JSON.parse(readFileSync(join(dir, "policies/site.json"), "utf8"));
    policy.cookies.push({ name: "sid", category: "necessary" }, { name: "cart_token", category: "necessary" });
    policy.vendors.push({ id: "mixpanel" });
    policy.storage = [{ name: "site_token", category: "necessary" }];
    writeFileSync(join(dir, "policies/site.json"), JSON.stringify(policy));
    const after = consentry(["report", "log.jsonl", "--json"], dir);
    expect(after.stderr).toBe("");
    expect(JSON.parse(after.stdout).review.map((r: { name: string }) => r.name)).toEqual(["mystery_pref"]);
  });

  it("should list an unknown storage name the rules let pass as unknown and allowed, and keep it to review under a policy that lets unknown names pass", SLOW, () => {
    const dir = empty();
    expect(consentry(["init", "--id", "site", "--host", "site.test"], dir).status).toBe(0);
    const policy = JSON.parse(readFileSync(join(dir, "policies/site.json"), "utf8"));
    policy.unknownCookies = "allow";
    writeFileSync(join(dir, "policies/site.json"), JSON.stringify(policy));
    // What the storage-report endpoint logs and keeps for such a name (test/inventory/storage-report-endpoint.test.ts).
    const line = { consentry: "storage-reported", policy: "site", route: "(default)", path: "/", name: "site_widget_state", category: null, vendor: null, source: "unknown", reason: "unknown", action: "allowed" };
    writeFileSync(join(dir, "log.jsonl"), JSON.stringify(line));
    const row = { policy: "site", host: "site_widget_state", directive: "storage-allowed", route: "(default)", category: null, vendor: null, count: 3 };
    writeFileSync(join(dir, "d1.json"), JSON.stringify([{ results: [row], success: true, meta: {} }]));
    const run = consentry(["report", "log.jsonl", "--d1-json", "d1.json"], dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`Storage names scripts wrote (1)
name               vendor  category  reason   what     count
site_widget_state  -       -         unknown  allowed  4
`);
    expect(run.stdout).toMatch(/^storage\s+site_widget_state\s+unknown\s+not in the catalog: add it to "storage" with its category$/m);
    expect(run.status).toBe(1);
  });

  it("should exit 0 when everything seen is covered, 1 when the input holds nothing of Consentry's", SLOW, () => {
    const dir = empty();
    writeFileSync(join(dir, "ok.jsonl"), JSON.stringify({ consentry: "refused", sample: 0.01, policy: "p", route: "/*", action: "strip-set-cookie", cookie: "_ga", category: "analytics", reason: "no-choice", vendor: "google-analytics" }));
    const ok = consentry(["report", "ok.jsonl"], dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("(logged for 1 in 100 responses)");
    expect(ok.stdout).toContain("Every host and cookie seen is covered by the policy.");
    writeFileSync(join(dir, "other.log"), "[wrangler:info] Ready on http://127.0.0.1:8787\nGET / 200\n");
    const nothing = consentry(["report", "other.log"], dir);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain("nothing Consentry logged in this input");
  });

  it("should explain itself and refuse wrong usage with exit 2", SLOW, () => {
    const help = consentry(["report", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: consentry report [file] [--d1 DATABASE | --d1-json FILE]");
    const both = consentry(["report", "--d1", "db", "--d1-json", D1]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--d1 and --d1-json both name the inventory: give one");
    expect(consentry(["report", "--local"]).status).toBe(2);
    const missing = consentry(["report", "nope.txt"], empty());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read nope.txt: ENOENT");
  });

  it("should run wrangler d1 execute for --d1, and say in one line when it fails", SLOW, () => {
    const dir = empty();
    mkdirSync(join(dir, "bin"));
    // The edge of the command: a stand-in for npx that prints what wrangler d1 execute --json prints.
    writeFileSync(join(dir, "bin/npx"), `#!/bin/sh\necho "$@" > "${dir}/args"\ncat "${D1}"\n`, { mode: 0o755 });
    const run = spawnSync(process.execPath, [ENTRY, "report", "--d1", "consentry-receipts", "--json"], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH: `${dir}/bin:${process.env.PATH}` } });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).lines.inventory).toBe(4);
    expect(readFileSync(join(dir, "args"), "utf8")).toMatch(/^wrangler d1 execute consentry-receipts --remote --json --command SELECT policy, host, directive, route, category, vendor, count FROM host_inventory/);
    writeFileSync(join(dir, "bin/npx"), `#!/bin/sh\necho "✘ [ERROR] Couldn't find a D1 DB with the name or binding 'nope'" >&2\nexit 1\n`, { mode: 0o755 });
    const failed = spawnSync(process.execPath, [ENTRY, "report", "--d1", "nope"], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH: `${dir}/bin:${process.env.PATH}` } });
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim()).toBe("consentry report: wrangler d1 execute nope failed: ✘ [ERROR] Couldn't find a D1 DB with the name or binding 'nope'");
  });
});
