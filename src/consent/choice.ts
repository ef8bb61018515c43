/**
 * A visitor's answer, as posted by the banner (a plain form without JavaScript,
 * JSON with it), validated and turned into a ConsentChoice for the policy.
 */
import type { CompiledPolicy } from "../policy/compile.ts";
import type { ConsentChoice } from "./consent-cookie.ts";

/** Vendors one visitor may allow by name: placeholders on a page, not a whole catalog. */
export const MAX_VENDOR_GRANTS = 20;

const ACTIONS = ["accept-all", "reject-all", "custom"] as const;
const FIELDS = new Set(["action", "categories", "vendors", "return"]);

export interface ChoiceRequest {
  action: (typeof ACTIONS)[number];
  /** With `custom`: the optional categories the visitor switched on. */
  categories: string[];
  /** Vendors allowed one by one (a placeholder's "Allow YouTube"), whatever their category's answer. */
  vendors: string[];
  /** Where to send a visitor without JavaScript back to (a same-site path). */
  return?: string;
}
export type ChoiceMethod = ChoiceRequest["action"];

/**
 * Checks a posted body by hand rather than with zod: this runs on every choice,
 * and zod would be most of the Worker's bundle (the policies are validated with
 * it at build time). Every problem is named, one per line, like a schema's errors.
 */
export function parseChoiceRequest(input: unknown): { ok: true; request: ChoiceRequest } | { ok: false; error: string } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, error: "the body must be an object" };
  const body = input as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(body)) if (!FIELDS.has(key)) errors.push(`${key}: not a field of a choice`);
  const action = body.action;
  if (!ACTIONS.includes(action as ChoiceMethod)) errors.push(`action: must be one of ${ACTIONS.join(", ")}`);
  const list = (name: string, max: number, maxLength: number): string[] => {
    const value = body[name];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item.length > maxLength)) {
      errors.push(`${name}: must be a list of names of at most ${maxLength} characters`);
      return [];
    }
    // Bounded so the consent cookie stays far below the browsers' 4 KB per cookie (RFC 6265 §6.1).
    if (value.length > max) errors.push(`${name}: at most ${max}`);
    return value as string[];
  };
  const categories = list("categories", 32, 32);
  const vendors = list("vendors", MAX_VENDOR_GRANTS, 64);
  const back = body.return;
  if (back !== undefined && (typeof back !== "string" || back.length > 2048)) errors.push("return: must be a path of at most 2048 characters");
  if (errors.length > 0) return { ok: false, error: errors.join("\n") };
  return { ok: true, request: { action: action as ChoiceMethod, categories, vendors, ...(back === undefined ? {} : { return: back as string }) } };
}

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
  // Nor does a vendor allowed by name get round the signal.
  const vendors =
    request.action === "reject-all"
      ? []
      : [...new Set(request.vendors)]
          .filter((id) => {
            const category = policy.vendorById(id)!.category ?? "";
            return !granted.includes(category) && !(meta.gpc && policy.gpcOptOut.has(category));
          })
          .sort();
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
