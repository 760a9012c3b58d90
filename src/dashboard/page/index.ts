// The page half of `fla report` (issue #13): the shell around the embedded model, and the `--sender`
// index. The written file is `head` + base64(gzip(JSON(model))) + `tail`; the client in the tail reads
// the data element, so it runs only once the whole data is parsed.
import type { DashboardIndexEntry, Lang, PageShell } from '../model.js';
import { inlineAssets, sha256 } from './assets.js';
import { label } from './labels.js';
import { STYLESHEET } from './style.js';

export interface ShellOptions {
  readonly lang: Lang;
  readonly title: string;
}

export function pageShell(options: ShellOptions): PageShell {
  const assets = inlineAssets();
  const head = [
    documentHead(options.lang, assets.contentSecurityPolicy, options.title, assets.style),
    '<header id="banner"></header>',
    `<main id="content" tabindex="-1"><p>${escapeHtml(label(options.lang, 'app.loading'))}</p>`,
    `<noscript><p>${escapeHtml(label(options.lang, 'app.noscript'))}</p></noscript></main>`,
    '<footer id="footer"></footer>',
    '<script id="fla-data" type="application/octet-stream">',
  ].join('\n');
  return { head, tail: `</script>\n<script>${assets.script}</script>\n</body>\n</html>\n` };
}

/** The `--sender` index: one link per employer's file, no script at all. */
export function indexPage(entries: readonly DashboardIndexEntry[], lang: Lang): string {
  const title = label(lang, 'index.title');
  const policy = `default-src 'none'; style-src '${sha256(STYLESHEET)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const count = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-BE`);
  const rows = entries
    .map((entry) => {
      const name = entry.companyName === null ? label(lang, 'app.company', { id: entry.companyId }) : `${entry.companyName} (${entry.companyId})`;
      const workers = label(lang, 'index.workers', { count: count.format(entry.workers) });
      return `<li><a href="${escapeHtml(encodeURI(entry.file))}">${escapeHtml(name)}</a> <span title="${escapeHtml(workers)}">(${count.format(entry.workers)})</span></li>`;
    })
    .join('\n');
  return [
    documentHead(lang, policy, title, STYLESHEET),
    `<main id="content"><h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(label(lang, 'index.help'))}</p>`,
    `<ul class="index-list">\n${rows}\n</ul></main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Up to and including `<body>`: both pages are self-contained, under a policy of their own. */
function documentHead(lang: Lang, policy: string, title: string, style: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
