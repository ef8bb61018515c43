/**
 * The Worker. Policies are validated by the build (scripts/build-policies.ts: a
 * broken policy stops `wrangler dev`, `wrangler deploy` and the tests with the
 * file, the path and the reason) and compiled here, once per isolate, when the
 * module loads, against the vendor catalog (src/catalog/bundled.ts). So do
 * bindings that cannot work, such as a POLICY that names no policy: the error is
 * one line (src/config/check-bindings.ts), and no visitor is served under it.
 */
import { env } from "cloudflare:workers";
import { createApp } from "./app.ts";
import { assertBindings } from "./config/check-bindings.ts";
import { createPageRewriter } from "./html/page-rewriter.ts";
import { POLICIES } from "./generated/policies.ts";
import { catalog } from "./catalog/bundled.ts";
import { compilePolicy } from "./policy/compile.ts";
import { createRegistry } from "./policy/registry.ts";
import { consumeReceipts } from "./receipts/receipt-queue.ts";
import type { Env } from "./env.ts";
import type { Receipt } from "./receipts/receipt.ts";

export { catalog };
export const registry = createRegistry(POLICIES.map((policy) => compilePolicy(policy, catalog)));

// Module scope sees the Worker's bindings (`cloudflare:workers`): refuse to start rather than fail open.
assertBindings(env, [...registry.byId.keys()]);

const app = createApp({ registry, transformHtml: createPageRewriter() });

export default {
  fetch: app.fetch,
  /** Receipts D1 could not take at once (src/receipts/receipt-store.ts). */
  queue: (batch: MessageBatch<Receipt>, env: Env) => consumeReceipts(batch, env),
} satisfies ExportedHandler<Env, Receipt>;
