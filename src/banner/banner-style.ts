/**
 * The banner's CSS, scoped under `#consentry`. Fixed at the bottom, so it never
 * shifts the page (CLS 0). Colours meet WCAG 2.2 AA (4.5:1 for text, 3:1 for
 * controls) in light and dark; both buttons look the same, as the EDPB cookie
 * banner taskforce (2023) asks; focus is always visible; no animation at all,
 * so `prefers-reduced-motion` has nothing to reduce.
 */
export const BANNER_CSS = [
  ".cy,.cy-s{--b:#fff;--f:#1d232b;--m:#4a5361;--a:#0b57d0;--l:#8a94a3;font:15px/1.45 system-ui,sans-serif;color:var(--f)}",
  ".cy{box-sizing:border-box;max-width:44rem;padding:1rem 1.25rem;background:var(--b);border:1px solid var(--l)}",
  // Without JavaScript (which pads by the banner's real height) a short page's end must still scroll above it.
  "body:has(#consentry){padding-bottom:85vh}",
  "#consentry{position:fixed;z-index:2147483647;inset:auto 0 0;max-height:85vh;overflow:auto;margin:0 auto;border-bottom:0;border-radius:8px 8px 0 0;box-shadow:0 -2px 12px #0003}",
  ".cy h2{font-size:1.1em;margin:0}.cy p{margin:.4em 0}.cy a,.cy summary{color:var(--a)}",
  ".cy-r{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0}",
  ".cy-r button,.cy-x button{flex:1 1 10rem;font:inherit;font-weight:600;padding:.6em 1em;border:2px solid var(--f);border-radius:6px;background:var(--f);color:var(--b);cursor:pointer}",
  ".cy summary{cursor:pointer;font-weight:600}.cy-d{float:right;border:0;background:none;font:inherit;color:var(--a)}",
  ".cy-c{border-top:1px solid var(--l);padding:.5em 0}.cy-c label{font-weight:600;display:flex;gap:.5em;align-items:center}",
  ".cy-v{border:0;margin:0;padding:0 0 0 1.7em}.cy-v legend{padding:0;color:var(--m)}.cy-v label{font-weight:400}",
  ".cy-c input{width:1.2em;height:1.2em;accent-color:var(--a)}.cy-c small,.cy-c p{color:var(--m)}.cy-g{font-weight:600}",
  ".cy :focus-visible,.cy-s:focus-visible{outline:3px solid var(--a);outline-offset:2px}",
  ".cy-s{position:fixed;z-index:2147483646;bottom:.75rem;padding:.45em .8em;background:var(--b);border:1px solid var(--l);border-radius:6px;color:var(--f);text-decoration:none;font-size:13px}",
  ".cy-sl{left:.75rem}.cy-sr{right:.75rem}.cy-i svg{vertical-align:-2px;margin-right:4px}",
  "@media (prefers-color-scheme:dark){.cy,.cy-s{--b:#16191d;--f:#eef0f3;--m:#b4bcc8;--a:#8ab4f8;--l:#5c6675}}",
].join("");
