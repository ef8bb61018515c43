/**
 * Pages full of real tracker tags, as vendors' install guides write them, and a
 * first-party "tag manager" that injects further vendors at run time. The demo
 * shows them through Consentry; the browser tests count every request they make.
 */

export function trackersPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Trackers · Northwind Demo</title>
<link rel="preconnect" href="https://fonts.googleapis.com">
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter&display=swap">
<link rel="dns-prefetch" href="//connect.facebook.net">
<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-DEMO12345"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-DEMO12345');
</script>
<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '000000000000000');
fbq('track', 'PageView');
</script>
<!-- Hotjar Tracking Code -->
<script>
    (function(h,o,t,j,a,r){
        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
        h._hjSettings={hjid:1000000,hjsv:6};
        a=o.getElementsByTagName('head')[0];
        r=o.createElement('script');r.async=1;
        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
        a.appendChild(r);
    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>
<script>window.__firstParty = "ran";</script>
</head>
<body>
<h1>Trackers</h1>
<p>Every tag on this page reaches a third party.</p>
<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Product video"></iframe>
<img src="https://www.facebook.com/tr?id=000000000000000&amp;ev=PageView&amp;noscript=1" height="1" width="1" style="display:none" alt="">
<noscript><img height="1" width="1" style="display:none" alt="" src="https://www.facebook.com/tr?id=000000000000000&ev=PageView&noscript=1"></noscript>
<script type="text/javascript">
_linkedin_partner_id = "000000";
window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
window._linkedin_data_partner_ids.push(_linkedin_partner_id);
</script>
<script async src="https://snap.licdn.com/li.lms-analytics/insight.min.js"></script>
</body>
</html>
`;
}

export function tagManagerPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Tag manager · Northwind Demo</title>
<script src="/tag-manager.js"></script>
</head>
<body><h1>Tag manager</h1><p>An allowed first-party script adds further vendors after load.</p></body>
</html>
`;
}

/** A first-party script that behaves like a tag manager: it loads more vendors at run time. */
export const TAG_MANAGER_JS = `(function () {
  var s = document.createElement("script");
  s.async = true;
  s.src = "https://static.hotjar.com/c/hotjar-2.js?sv=6";
  document.head.appendChild(s);
  var px = new Image();
  px.src = "https://www.facebook.com/tr?id=1&ev=Injected";
  var f = document.createElement("iframe");
  f.setAttribute("src", "https://www.youtube.com/embed/injected");
  document.body ? document.body.appendChild(f) : document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(f); });
  document.cookie = "_fbp=fb.1.injected; path=/";
  document.cookie = "_ga=GA1.1.injected; path=/";
  document.cookie = "theme=dark; path=/";
  document.cookie = "session_hint=1; path=/";
  // Tag templates keep ids in storage too: Google's conversion linker, Hotjar's session.
  try {
    localStorage.setItem("_gcl_ls", '{"schema":"gcl","value":{}}');
    localStorage.setItem("_hjSessionUser_1000000", "eyJpZCI6IjQyIn0=");
    sessionStorage.setItem("_hjSession_1000000", "eyJpZCI6IjQyIn0=");
  } catch (e) {}
  window.__tagManager = "ran";
})();
`;

/** The nonce of the strict-CSP demo page (a real site makes a fresh one per response). */
export const CSP_NONCE = "demoN0nce4Consentry";

/** A site with a strict, nonce-based Content-Security-Policy and a Google tag. */
export const STRICT_CSP =
  `default-src 'self'; script-src 'nonce-${CSP_NONCE}' 'strict-dynamic'; style-src 'self' 'nonce-${CSP_NONCE}'; ` +
  `img-src 'self' https:; frame-src https:; connect-src 'self' https:; form-action 'self'; base-uri 'none'`;

export function strictCspPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Strict CSP · Northwind Demo</title>
<script nonce="${CSP_NONCE}" async src="https://www.googletagmanager.com/gtag/js?id=G-DEMO12345"></script>
<script nonce="${CSP_NONCE}">
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-DEMO12345');
</script>
<script nonce="${CSP_NONCE}">window.__firstParty = "ran";</script>
</head>
<body>
<h1>Strict CSP</h1>
<p>Only scripts and styles carrying this response's nonce may run.</p>
</body>
</html>
`;
}

/** Two embeds of one category from two vendors: consent through one placeholder must allow that vendor only. */
export function embedsPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Embeds · Northwind Demo</title></head>
<body>
<h1>Embeds</h1>
<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Product video"></iframe>
<iframe width="400" height="300" src="https://www.instagram.com/p/demo/embed" title="Instagram post"></iframe>
<script async src="https://snap.licdn.com/li.lms-analytics/insight.min.js"></script>
</body>
</html>
`;
}

/** The site's own inline script on the strict-policy pages below: it must still run through Consentry. */
export const OWN_SCRIPT = `window.__firstParty = "ran";`;
/** Its CSP hash, `sha256` of OWN_SCRIPT in base64 (test/node/demo.test.ts checks it). */
export const OWN_SCRIPT_HASH = "W7hrN/FAFQ3arvRON/JVp6GSExmu6l/zYEnDy9pDIO0=";

/** A hash-only policy (no nonce): the site admits exactly its own inline script. */
export function hashOnlyCsp(): string {
  return `default-src 'self'; script-src 'self' 'sha256-${OWN_SCRIPT_HASH}' https://www.googletagmanager.com; style-src 'self'; img-src 'self' https:; frame-src https:`;
}

/** An allowlist policy with no inline script at all. */
export const ALLOWLIST_CSP = `default-src 'self'; script-src 'self' https://www.googletagmanager.com https://static.hotjar.com; style-src 'self'; img-src 'self' https:`;

/** A page under a strict policy that has no nonce for Consentry to borrow. */
export function strictPolicyPage(title: string, inlineScript: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} · Northwind Demo</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-DEMO12345"></script>
${inlineScript ? `<script>${OWN_SCRIPT}</script>` : `<script src="/own.js"></script>`}
</head>
<body>
<h1>${title}</h1>
<p>This site's own policy admits no inline code but its own.</p>
</body>
</html>
`;
}
