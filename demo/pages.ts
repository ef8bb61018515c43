/**
 * The demo site's pages: an ordinary site with the usual analytics and marketing
 * tags, which knows nothing of Consentry. `npm run dev` puts Consentry in front of
 * it so a newcomer sees enforcement at once; the tests use it as their origin.
 */

const GA_ID = "G-DEMO12345";

const head = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Northwind Demo</title>
<link rel="preconnect" href="https://fonts.googleapis.com">
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap">
<script async src="https://www.googletagmanager.com/gtag/js?id=${GA_ID}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', '${GA_ID}');
</script>
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
<style>
  body { font-family: Inter, system-ui, sans-serif; margin: 0; color: #1d232b; }
  header, main, footer { max-width: 48rem; margin: 0 auto; padding: 1rem; }
  nav a { margin-right: 1rem; }
  iframe { max-width: 100%; }
</style>
</head>`;

const nav = `<header><strong>Northwind Demo</strong>
<nav><a href="/">Home</a><a href="/pricing">Pricing</a><a href="/billing">Billing</a><a href="/dialer">Dialer</a></nav></header>`;

const footer = `<footer>
<p><a href="/cookie-policy">Cookie policy</a> · <a href="/_consentry/settings">Cookie Settings</a></p>
<noscript><img height="1" width="1" style="display:none" alt="" src="https://www.facebook.com/tr?id=000000000000000&ev=PageView&noscript=1"></noscript>
<script src="https://snap.licdn.com/li.lms-analytics/insight.min.js" async></script>
</footer>`;

export function homePage(): string {
  return `${head("Home")}
<body>
${nav}
<main>
<h1>Welcome to Northwind</h1>
<p>This demo site sets analytics and marketing cookies and loads the usual third-party tags.
Put Consentry in front of it and none of them reaches your browser before you agree.</p>
<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Product video" allowfullscreen></iframe>
<p><img src="/logo.png" alt="Northwind logo" width="64" height="64"></p>
</main>
${footer}
</body>
</html>
`;
}

export function billingPage(): string {
  return `${head("Billing")}
<body>
${nav}
<main>
<h1>Billing</h1>
<script src="https://js.stripe.com/v3/"></script>
<form id="payment-form"><div id="card-element"></div><button type="submit">Pay</button></form>
</main>
${footer}
</body>
</html>
`;
}

export function dialerPage(): string {
  return `${head("Dialer")}
<body>
${nav}
<main>
<h1>Dialer</h1>
<script src="https://sdk.twilio.com/js/client/v1.14/twilio.min.js"></script>
<button type="button" id="call">Call</button>
</main>
${footer}
</body>
</html>
`;
}

export function plainPage(title: string, body: string): string {
  return `${head(title)}
<body>
${nav}
<main><h1>${title}</h1>${body}</main>
${footer}
</body>
</html>
`;
}
