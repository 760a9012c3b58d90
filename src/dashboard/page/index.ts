// Placeholder page until the dashboard's client lands (issue #13): the same contract, a plain page
// that says the report needs the full client. Owned by the page half of the dashboard.
import type { DashboardIndexEntry, Lang, PageShell } from '../model.js';

export interface ShellOptions {
  readonly lang: Lang;
  readonly title: string;
}

export function pageShell(options: ShellOptions): PageShell {
  return {
    head: `<!doctype html>\n<html lang="${options.lang}"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title></head><body><script id="fla-data" type="application/octet-stream">`,
    tail: '</script></body></html>\n',
  };
}

export function indexPage(entries: readonly DashboardIndexEntry[], lang: Lang): string {
  const rows = entries.map((e) => `<li><a href="${escapeHtml(e.file)}">${escapeHtml(e.companyName ?? e.companyId)}</a> (${e.workers})</li>`).join('');
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>FLA</title></head><body><ul>${rows}</ul></body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
