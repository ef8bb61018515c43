/**
 * Storage names (cookies written by script, `localStorage`/`sessionStorage` keys,
 * IndexedDB databases) go by the policy's `storage` rules first, then by its cookie
 * rules and the catalog: the guard's order. Shared by the storage-report endpoint
 * and `consentry report`.
 */
import { createCookieClassifier, type CookieClassifier } from "./cookie-classifier.ts";
import type { CompiledPolicy } from "./compile.ts";

export function storageClassifier(policy: CompiledPolicy): CookieClassifier {
  return createCookieClassifier({ consentCookie: policy.consent.cookieName, policyCookies: policy.storageRules, vendorCookies: [], fallback: policy.classifyCookie });
}
