// Type-ahead over first name, last name and INSZ. The index is built once: one normalised key per
// worker, so a keystroke is a single pass of `includes` over plain strings (50,000 workers: a few ms).

/** Lower case without accents: "François" and "FRANCOIS" both become "francois". */
function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface SearchIndex {
  readonly workers: readonly DashboardWorker[];
  /** Per worker: " first words last words inssdigits", every word preceded by a space. */
  readonly keys: readonly string[];
}

function buildSearchIndex(workers: readonly DashboardWorker[]): SearchIndex {
  const keys = workers.map((worker) => {
    const [name, firstName] = normalizedName(worker);
    const words = `${firstName} ${name}`.split(/[\s\-'’.,]+/).filter((word) => word !== '');
    return ` ${words.join(' ')} ${inssDigits(worker.inss)}`;
  });
  return { workers, keys };
}

/** Query tokens: an INSZ typed with dots, dashes or spaces is one token of its digits. */
function queryTokens(query: string): string[] {
  const trimmed = query.trim();
  if (/^[\d\s.\-/]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    return digits === '' ? [] : [digits];
  }
  return normalizeText(trimmed).split(/[\s\-'’.,]+/).filter((word) => word !== '');
}

interface SearchResult {
  readonly matches: readonly DashboardWorker[];
  readonly total: number;
}

/** Workers having, for every token, a word that starts with it; the first `limit` in index order. */
function searchWorkers(index: SearchIndex, query: string, limit: number): SearchResult {
  const needles = queryTokens(query).map((token) => ` ${token}`);
  if (needles.length === 0) return { matches: [], total: 0 };
  const matches: DashboardWorker[] = [];
  let total = 0;
  const { keys, workers } = index;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    let all = true;
    for (const needle of needles) {
      if (!key.includes(needle)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    total += 1;
    if (matches.length < limit) matches.push(workers[i] as DashboardWorker);
  }
  return { matches, total };
}
