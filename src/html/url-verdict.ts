/**
 * Which vendor a URL in the page reaches, and whether it may. Relative and
 * same-host URLs are first party; data:, blob: and about: make no request to a
 * third party. Unknown third parties (a CDN, a site's own asset host) pass: only
 * what the policy or the catalog names is blocked.
 */
import { judgeVendor, type VendorVerdict } from "../enforce/judge-vendor.ts";
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import { decodeAttribute } from "./escape.ts";

const LOCAL_SCHEMES = new Set(["data:", "blob:", "about:", "javascript:", "mailto:", "tel:"]);

/** `base` resolves relative URLs (`<base href>` may move it); `pageHost` is the site itself. */
export function judgeUrl(raw: string, base: URL, pageHost: string, context: JudgeContext): VendorVerdict | null {
  const value = decodeAttribute(raw).trim();
  if (value === "") return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (LOCAL_SCHEMES.has(url.protocol) || url.hostname === pageHost) return null;
  const vendor = context.policy.vendorForHost(url.hostname);
  return vendor === undefined ? null : judgeVendor(vendor, context);
}
