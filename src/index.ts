/**
 * The Worker. Policies are validated and compiled here, once per isolate, when
 * the module loads, against the vendor catalog (generated and checked at build
 * time, src/catalog/lookup.ts): a broken policy stops the Worker from starting
 * (and `wrangler deploy` from succeeding), never a visitor's request. So do
 * bindings that cannot work, such as a POLICY that names no policy: the error is
 * one line (src/config/check-bindings.ts), and no visitor is served under it.
 */
import { env } from "cloudflare:workers";
import { createApp } from "./app.ts";
import { assertBindings } from "./config/check-bindings.ts";
import { createPageRewriter } from "./html/page-rewriter.ts";
import { POLICY_FILES } from "./generated/policies.ts";
import { catalog } from "./catalog/lookup.ts";
import { createRegistry } from "./policy/registry.ts";
import { consumeReceipts } from "./receipts/receipt-queue.ts";
import type { Env } from "./env.ts";
import type { Receipt } from "./receipts/receipt.ts";

export { catalog };
export const registry = createRegistry(POLICY_FILES, catalog);

// Module scope sees the Worker's bindings (`cloudflare:workers`): refuse to start rather than fail open.
assertBindings(env, [...registry.byId.keys()]);

const app = createApp({ registry, transformHtml: createPageRewriter() });

export default {
  fetch: app.fetch,
  /** Receipts D1 could not take at once (src/receipts/receipt-store.ts). */
  queue: (batch: MessageBatch<Receipt>, env: Env) => consumeReceipts(batch, env),
} satisfies ExportedHandler<Env, Receipt>;
