/**
 * Validates the hand-written vendors (src/catalog/vendors.json). Used by the
 * import script, the policy build and the tests; the Worker reads the generated
 * catalog instead, so zod never runs over the catalog at run time.
 */
import { formatPath, PolicyError } from "../policy/policy-error.ts";
import type { CuratedVendor } from "./catalog-format.ts";
import { catalogSchema } from "./schema.ts";

export function loadCuratedVendors(file: string, data: unknown): CuratedVendor[] {
  const parsed = catalogSchema.safeParse(data);
  if (!parsed.success) {
    throw new PolicyError(file, parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  }
  return parsed.data.vendors;
}
