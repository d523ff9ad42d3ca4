import { html as honoHtml, raw } from 'hono/html';

/** Markup that is safe to put in a page: built by `html` (every interpolated value escaped) or one of our own constants. */
export type Html = ReturnType<typeof raw>;

/**
 * Build markup with hono's `html` tag: strings interpolated are escaped, arrays are joined, null/undefined/false
 * render nothing, and only `Html` values (our own fragments) go in unescaped. Public pages render synchronously.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new Error('Public pages render synchronously');
  return out;
}

/** A value escaped exactly as `html` escapes it (for tests and attributes that predict the markup). */
export function esc(value: unknown): string {
  return html`${String(value ?? '')}`.toString();
}

/** A link target a page may show: only absolute http(s) URLs, so `javascript:` and the like never become links. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function toDate(value: unknown): Date | null {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** A date as people write it, e.g. "12 March 2026" (UTC), or '' when it is not a date. */
export function humanDate(value: unknown): string {
  const d = toDate(value);
  return d ? d.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) : '';
}

/** A `<time>` element: the human date, with the exact instant in `datetime`; nothing when it is not a date. */
export function timeElement(value: unknown): Html {
  const d = toDate(value);
  return d ? html`<time datetime="${d.toISOString()}">${humanDate(d)}</time>` : html``;
}

const ISO_DATE_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/g;

/** Text (escaped) in which ISO date-times, such as the verifier's "Valid until 2027-03-12T00:00:00Z", read as human dates. */
export function withHumanDates(text: string): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const m of text.matchAll(ISO_DATE_TIME)) {
    const d = toDate(m[0]);
    if (!d) continue;
    parts.push(html`${text.slice(at, m.index)}`, timeElement(d));
    at = m.index + m[0].length;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

/** A full HTML document with the shared public-page styles. */
export function page(opts: { title: string; head?: Html; body: Html }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<link rel="icon" href="/favicon.svg">
${opts.head}
<style>${raw(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="top"><a href="/" class="brand">Tessera</a><nav aria-label="Public"><a href="/app/verify">Verify a credential</a> <a href="/app/catalog">Catalog</a></nav></header>
<main id="main">
${opts.body}
</main>
<footer class="foot">Open Badges 3.0 credentials, issued and verified with Tessera.</footer>
</body>
</html>`.toString();
}

const STYLES = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1b1e;background:#f8f9fa}
body{margin:0}
a{color:#2f3e9e}
.skip{position:absolute;left:8px;top:-60px;background:#fff;padding:8px;border:2px solid #2f3e9e}
.skip:focus{top:8px}
:focus-visible{outline:3px solid #364fc7;outline-offset:2px}
.top{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:12px 20px;background:#fff;border-bottom:1px solid #dee2e6;flex-wrap:wrap}
.top nav a{margin-left:12px}
.brand{font-weight:700;font-size:1.2rem;color:#1a1b1e;text-decoration:none}
main{max-width:960px;margin:0 auto;padding:20px}
.card{background:#fff;border:1px solid #dee2e6;border-radius:10px;padding:20px;margin-bottom:20px}
.hero{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}
.hero img{width:160px;height:160px;object-fit:contain}
.hero .text{flex:1;min-width:240px}
h1{font-size:1.8rem;margin:0 0 8px}
h2{font-size:1.3rem;margin:0 0 12px}
.meta{margin:4px 0;color:#343a40}
.verified{color:#087f5b;font-weight:600}
.banner{border-radius:10px;padding:14px 18px;margin-bottom:20px;font-weight:600;border:2px solid}
.banner p{margin:0 0 6px;overflow-wrap:anywhere}
.banner a{font-weight:400;color:inherit}
.banner.ok{background:#e6fcf5;border-color:#087f5b;color:#063d2c}
.banner.bad{background:#fff5f5;border-color:#c92a2a;color:#7d1414}
.banner.warn{background:#fff9db;border-color:#9c3b00;color:#5c2300}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:4px 0 8px}
th,td{text-align:left;padding:8px;border-bottom:1px solid #dee2e6;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
.level-description{display:block;font-weight:400;color:#495057;font-size:.9rem}
.table-scroll{overflow-x:auto}
.steps{list-style:none;padding:0;margin:0}
.steps li{padding:8px 0;border-bottom:1px solid #f1f3f5;display:flex;gap:10px;align-items:flex-start}
.steps li>span:last-child{overflow-wrap:anywhere;min-width:0}
.card p,.card td,.card li{overflow-wrap:anywhere}
.badge{flex:none;display:inline-block;min-width:72px;text-align:center;border-radius:12px;padding:2px 8px;font-size:.8rem;font-weight:700;color:#fff}
.passed{background:#087f5b}.failed{background:#c92a2a}.warning{background:#9c3b00}.unknown{background:#495057}
.actions{display:flex;flex-wrap:wrap;gap:10px}
.actions a{display:inline-block;padding:8px 12px;border:1px solid #adb5bd;border-radius:8px;background:#fff;text-decoration:none}
.pre{white-space:pre-wrap}
.foot{text-align:center;color:#495057;padding:20px;font-size:.9rem}
@media (max-width:480px){main{padding:12px}.hero img{width:112px;height:112px}h1{font-size:1.4rem}}
`;
