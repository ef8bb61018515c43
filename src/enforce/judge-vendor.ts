/**
 * Whether a third party may load on this page: its category must be allowed by
 * the decision, and the route must permit it (Stripe only on the billing pages).
 * Pure, like judge-cookie; the HTML adapters carry the verdict out.
 */
import type { Reason } from "../decision/decide.ts";
import type { CompiledVendor } from "../policy/compile.ts";
import type { JudgeContext } from "./judge-cookie.ts";
import { vendorAllowedOnRoute } from "./judge-cookie.ts";

export type VendorVerdict =
  | { blocked: false; vendor: CompiledVendor }
  | { blocked: true; vendor: CompiledVendor; category: string | null; reason: Reason | "unknown" | "route" };

export function judgeVendor(vendor: CompiledVendor, { policy, decision, route }: JudgeContext): VendorVerdict {
  if (vendor.category === null) return { blocked: true, vendor, category: null, reason: "unknown" };
  const verdict = decision.categories[vendor.category];
  if (verdict === undefined || !verdict.allowed) {
    // A vendor allowed on its own ("Allow YouTube") loads though its category stays refused; never a forbidden one.
    if (verdict === undefined || verdict.reason === "forbidden" || !decision.vendorGrants.has(vendor.id)) {
      return { blocked: true, vendor, category: vendor.category, reason: verdict?.reason ?? "unknown" };
    }
  }
  if (!vendorAllowedOnRoute(policy, route, vendor.id)) return { blocked: true, vendor, category: vendor.category, reason: "route" };
  return { blocked: false, vendor };
}
