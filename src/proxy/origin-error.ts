/**
 * The pages a visitor gets when the origin fails Consentry: it cannot be reached
 * or gives an answer HTTP cannot carry (502), or it does not answer in time
 * (504). They say what happened, in plain words, with nothing from the request
 * echoed into them, and are never cached.
 */
const PAGES = {
  502: { title: "Site unreachable", heading: "This site cannot be reached right now", text: "The server behind this page did not answer properly." },
  504: { title: "Site not responding", heading: "This site is taking too long to answer", text: "The server behind this page did not answer in time." },
} as const;

function originError(status: keyof typeof PAGES): Response {
  const page = PAGES[status];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${page.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1a1a1a}</style>
</head><body><h1>${page.heading}</h1>
<p>${page.text} Please try again in a moment.</p>
<p><small>Error ${status}, reported by Consentry</small></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "10" },
  });
}

/** 502: the origin could not be reached, or answered with something HTTP cannot carry. */
export function badGateway(): Response {
  return originError(502);
}

/** 504: the origin did not answer within ORIGIN_TIMEOUT_MS. */
export function gatewayTimeout(): Response {
  return originError(504);
}
