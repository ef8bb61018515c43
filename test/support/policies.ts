/**
 * The real policies and catalog, as the Worker loads them, plus a way to derive
 * variants (a report-only route, another revision) without editing the files.
 */
import { catalog, registry } from "../../src/index.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { loadPolicy } from "../../src/policy/load.ts";
import type { PolicyInput } from "../../src/policy/schema.ts";
import westhubJson from "../../policies/westhub.json";
import wherebyJson from "../../policies/whereby.json";

export { catalog, registry };
export const westhub = registry.byId.get("westhub")!;
export const whereby = registry.byId.get("whereby")!;

export const westhubInput = westhubJson as PolicyInput;
export const wherebyInput = wherebyJson as PolicyInput;

/** A compiled variant of a seed policy: `edit` receives a deep copy of its JSON. */
export function variant(base: PolicyInput, edit: (p: PolicyInput) => void): CompiledPolicy {
  const copy = structuredClone(base);
  edit(copy);
  return loadPolicy(`policies/${copy.id}.json`, copy, catalog);
}
