/**
 * Consentry's own pages (settings, cookie declaration): a small HTML document
 * under a strict Content-Security-Policy of its own: no script at all, the one
 * style element allowed by a fresh nonce, forms only to this origin.
 */
import { BANNER_CSS } from "../banner/banner-style.ts";
import { escapeHtml as e } from "../html/escape.ts";
import type { Locale } from "../i18n/negotiate.ts";

const PAGE_CSS = "body{margin:0;background:#f5f6f8}main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 4rem}.cy{margin:1rem 0;border-radius:8px}.cy h1{font-size:1.4em;margin:0 0 .5em}.cy table{border-collapse:collapse;width:100%}.cy th,.cy td{text-align:left;padding:.35em .5em;border-bottom:1px solid var(--l);vertical-align:top}@media (prefers-color-scheme:dark){body{background:#0d0f12}}";

export function documentResponse(input: { locale: Locale; title: string; body: string; status?: number }): Response {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(12))));
  const html =
    `<!DOCTYPE html><html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${e(input.title)}</title><style nonce="${nonce}">${BANNER_CSS}${PAGE_CSS}</style></head>` +
    `<body><main>${input.body}</main></body></html>`;
  return new Response(html, {
    status: input.status ?? 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
    },
  });
}
