/**
 * The Worker as src/index.ts builds it, under WestHub with `unknownCookies: "allow"`
 * (names no rule lists pass): no bundled policy says that, and policies/ is the site's,
 * so the browser test of that rule (test/browser/guard.test.ts) runs this entry (`wrangler dev <entry>`), with the
 * same bindings from wrangler.toml.
 */
import { catalog } from "../../src/catalog/bundled.ts";
import { createApp } from "../../src/app.ts";
import { POLICIES } from "../../src/generated/policies.ts";
import { createPageRewriter } from "../../src/html/page-rewriter.ts";
import { compilePolicy } from "../../src/policy/compile.ts";
import { createRegistry } from "../../src/policy/registry.ts";
import { consumeReceipts } from "../../src/receipts/receipt-queue.ts";
import type { Env } from "../../src/env.ts";
import type { Receipt } from "../../src/receipts/receipt.ts";

const westhub = POLICIES.find((p) => p.id === "westhub")!;
const registry = createRegistry([compilePolicy({ ...westhub, unknownCookies: "allow" }, catalog)]);
const app = createApp({ registry, transformHtml: createPageRewriter() });

export default {
  fetch: app.fetch,
  queue: (batch: MessageBatch<Receipt>, env: Env) => consumeReceipts(batch, env),
} satisfies ExportedHandler<Env, Receipt>;
