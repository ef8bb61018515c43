/**
 * A visitor's answer, as posted by the banner (a plain form without JavaScript,
 * JSON with it), validated and turned into a ConsentChoice for the policy.
 */
import { z } from "zod";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { ConsentChoice } from "./consent-cookie.ts";

export const choiceRequestSchema = z.strictObject({
  action: z.enum(["accept-all", "reject-all", "custom"]),
  /** With `custom`: the optional categories the visitor switched on. */
  categories: z.array(z.string().max(32)).max(32).default([]),
  /** Vendors allowed one by one (a placeholder's "Allow YouTube"), whatever their category's answer. */
  vendors: z.array(z.string().max(64)).max(64).default([]),
  /** Where to send a visitor without JavaScript back to (a same-site path). */
  return: z.string().max(2048).optional(),
});

export type ChoiceRequest = z.output<typeof choiceRequestSchema>;
export type ChoiceMethod = ChoiceRequest["action"];

/** `category` may repeat in a form; everything else appears once. */
export function formToChoiceInput(form: FormData): unknown {
  const input: Record<string, unknown> = { categories: form.getAll("category").map(String), vendors: form.getAll("vendor").map(String) };
  for (const [key, value] of form) if (key !== "category" && key !== "vendor") input[key] = String(value);
  return input;
}

export type ChoiceResult = { ok: true; choice: ConsentChoice } | { ok: false; error: string };

export function makeChoice(
  policy: CompiledPolicy,
  request: ChoiceRequest,
  meta: { now: number; id: string; gpc: boolean },
): ChoiceResult {
  const optional = policy.optionalCategories;
  const unknown = request.categories.filter((c) => !optional.includes(c));
  if (unknown.length > 0) return { ok: false, error: `not optional categories of this policy: ${unknown.join(", ")}` };
  const unknownVendors = request.vendors.filter((id) => policy.vendorById(id) === undefined);
  if (unknownVendors.length > 0) return { ok: false, error: `unknown vendors: ${unknownVendors.join(", ")}` };
  const asked =
    request.action === "accept-all" ? [...optional] : request.action === "reject-all" ? [] : optional.filter((c) => request.categories.includes(c));
  // GPC is a standing opt-out of sale and sharing (11 CCR §7025(c)): while the browser
  // sends it, no answer grants what it opts out of, "Accept all" included (§7026(k)).
  const granted = meta.gpc ? asked.filter((c) => !policy.gpcOptOut.has(c)) : asked;
  // A vendor grant only matters where its category stays refused; "Reject all" withdraws every one.
  const vendors = request.action === "reject-all" ? [] : [...new Set(request.vendors)].filter((id) => !granted.includes(policy.vendorById(id)!.category ?? "")).sort();
  return {
    ok: true,
    choice: {
      granted,
      refused: optional.filter((c) => !granted.includes(c)),
      vendors,
      revision: policy.revision,
      time: meta.now,
      id: meta.id,
      gpc: meta.gpc,
    },
  };
}
