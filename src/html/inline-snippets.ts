/**
 * Which vendors' official inline snippets a script's text holds (the catalog's
 * `inline` signatures: case-sensitive substrings). The Worker never holds inline
 * code back: a snippet cannot reach a refused vendor (the allowlist and the guard
 * refuse its requests and cookies), and holding a script back would also hold
 * back whatever else the site defined in it. This names vendors for reports,
 * `explain` and `scan`.
 */
import type { CompiledVendor } from "../policy/compile.ts";

export function snippetVendors(text: string, vendors: readonly CompiledVendor[]): CompiledVendor[] {
  return vendors.filter((vendor) => vendor.inline.some((signature) => text.includes(signature)));
}
