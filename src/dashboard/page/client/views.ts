// The views, one function each, drawn into <main> by the router. A view returns its heading text (the
// document title) and its content.

interface Route {
  readonly path: readonly string[];
  readonly params: URLSearchParams;
}

interface View {
  readonly title: string;
  readonly content: HTMLElement;
}

/** Records a list's new state in the history (a link to it) and redraws only the list. */
type ListRedraw = (state: ListState, focusKey: string, replace?: boolean) => void;

function section(heading: string, ...children: Child[]): HTMLElement {
  const id = uniqueId('section');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, heading), ...children);
}

function landingView(store: Store, route: Route, redraw: ListRedraw): View {
  const { model } = store;
  // The workers table needs the workers in name order: it is drawn just after the rest of the view,
  // so that 50,000 names sorted do not delay the first view.
  const workers = h('div', { class: 'results' }, h('p', {}, t('app.loading')));
  const drawWorkers = (current: ListState): void => {
    workers.replaceChildren(dataTable(t('workers.title'), workerColumns(), store.workersByName(), current, { change: (next, focusKey) => redraw(next, focusKey) }));
  };
  setTimeout(() => drawWorkers(readListState(route.params)), 0);
  const title = model.companyName ?? t('app.company', { id: model.companyId });
  const byKind = (kind: DashboardTile['kind']): DashboardTile[] => model.tiles.filter((tile) => tile.kind === kind);
  const content = h(
    'div',
    { class: 'landing' },
    h('h1', { tabindex: '-1' }, title),
    section(t('landing.progress'), tileGrid(byKind('progress'))),
    section(t('landing.warnings'), tileGrid(byKind('warning'))),
    section(t('landing.info'), tileGrid(byKind('info'))),
    section(t('landing.recent'), recentTrainings(store), h('p', {}, link('#/trainings', t('landing.allTrainings')))),
    section(
      t('landing.charts'),
      h('div', { class: 'charts' }, barChart(t('chart.quarterly'), seriesRows(model.quarterly), formatHours), barChart(t('chart.yearly'), seriesRows(model.yearly), formatHours)),
    ),
    section(t('workers.title'), h('p', { class: 'count' }, t('workers.count', { count: formatCount(model.workers.length) })), workers),
  );
  listRedrawers.set(content, drawWorkers);
  return { title, content };
}

function tileGrid(tiles: readonly DashboardTile[]): HTMLElement {
  return h('ul', { class: 'tiles' }, ...tiles.map((tile) => h('li', {}, tileCard(tile))));
}

/** A tile's figure: a percentage for progress, hours for an hours total, else a count. */
function tileFigure(tile: DashboardTile): { main: string; detail: string | null; fraction: number | null } {
  if (tile.kind === 'progress') {
    const total = tile.total ?? 0;
    // No worker to count (a ledger without the entitlements, say) is no percentage, not 100 %.
    if (total === 0) return { main: '–', detail: t('tile.of', { done: formatCount(0), total: formatCount(0) }), fraction: null };
    const fraction = Math.min(1, Math.max(0, tile.value / total));
    return { main: formats.percent.format(fraction), detail: t('tile.of', { done: formatCount(tile.value), total: formatCount(total) }), fraction };
  }
  if (tile.id === 'training-hours') return { main: formatHours(tile.value), detail: null, fraction: null };
  return { main: formatCount(tile.value), detail: null, fraction: null };
}

function tileCard(tile: DashboardTile): HTMLElement {
  const figure = tileFigure(tile);
  const card = h(
    'a',
    { href: `#/tiles/${encodeURIComponent(tile.id)}`, class: `tile tile-${tile.kind}${tile.kind === 'warning' && tile.value > 0 ? ' tile-alert' : ''}` },
    h('span', { class: 'tile-label' }, tileLabel(tile.id)),
    h('span', { class: 'tile-value' }, figure.main),
    figure.detail === null ? null : h('span', { class: 'tile-detail' }, figure.detail),
  );
  if (figure.fraction !== null) {
    const fill = h('span', { class: 'bar-fill' });
    fill.style.width = `${(figure.fraction * 100).toFixed(1)}%`;
    card.appendChild(h('span', { class: 'bar', 'aria-hidden': 'true' }, fill));
  }
  return card;
}

const RECENT_COUNT = 8;

function recentTrainings(store: Store): HTMLElement {
  const recent = latestTrainings(store.model.trainings, RECENT_COUNT);
  if (recent.length === 0) return h('p', {}, t('worker.noTrainings'));
  return h('ul', { class: 'recent' }, ...recent.map((training) => h('li', {}, trainingSummary(store, training))));
}

/** The `count` trainings last processed, newest first, in one pass rather than a sort of them all. */
function latestTrainings(trainings: readonly DashboardTraining[], count: number): DashboardTraining[] {
  const latest: { training: DashboardTraining; at: string }[] = [];
  for (const training of trainings) {
    const at = lastProcessed(training);
    if (latest.length === count && at <= (latest[count - 1]?.at ?? '')) continue;
    let index = latest.findIndex((entry) => at > entry.at);
    if (index < 0) index = latest.length;
    latest.splice(index, 0, { training, at });
    if (latest.length > count) latest.pop();
  }
  return latest.map((entry) => entry.training);
}

function trainingSummary(store: Store, training: DashboardTraining): HTMLElement {
  const worker = findWorker(store, training.inss);
  const details = h(
    'details',
    { class: 'training' },
    h(
      'summary',
      {},
      h('span', { class: 'training-title' }, training.title ?? training.reference),
      ' · ',
      worker === undefined ? formatInss(training.inss) : workerName(worker),
      ' · ',
      formatHours(training.hours),
      training.cancelled ? h('span', { class: 'badge' }, t('status.cancelled')) : null,
      training.late ? h('span', { class: 'badge badge-warning' }, t('status.late')) : null,
    ),
    trainingFacts(store, training),
  );
  return details;
}

function trainingFacts(store: Store, training: DashboardTraining): HTMLElement {
  const worker = findWorker(store, training.inss);
  const facts: [string, Child][] = [
    [t('col.reference'), link(`#/trainings/${encodeURIComponent(training.reference)}`, training.reference)],
    [t('col.worker'), link(`#/workers/${inssDigits(training.inss)}`, worker === undefined ? formatInss(training.inss) : workerName(worker))],
    [t('col.start'), formatDay(training.startDay)],
    [t('col.end'), formatDay(training.endDay)],
    [t('col.hours'), formatHours(training.hours)],
    [t('col.type'), rightTypeLabel(training.rightType)],
    [t('col.status'), trainingStatus(training)],
  ];
  if (training.certificateValidUntil !== null) facts.push([t('col.certificate'), formatDay(training.certificateValidUntil)]);
  return h('div', { class: 'training-facts' }, h('dl', {}, ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])), historyTable(training));
}

function historyTable(training: DashboardTraining): HTMLElement {
  return h(
    'table',
    { class: 'history' },
    h('caption', {}, t('worker.history')),
    h('thead', {}, h('tr', {}, ...[t('col.action'), t('col.file'), t('col.ticket'), t('col.processed')].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      {},
      ...training.history.map((version) =>
        h('tr', {}, h('td', {}, t(`action.${version.action}` as const)), h('td', {}, version.fileName), h('td', {}, version.ticket), h('td', {}, formatMoment(version.processedAt))),
      ),
    ),
  );
}

function trainingsView(store: Store, route: Route, redraw: ListRedraw): View {
  const title = t('nav.trainings');
  const state = readListState(route.params);
  const columns = trainingColumns(store);
  const all = store.model.trainings;
  const results = h('div', { class: 'results' });
  const count = h('p', { class: 'count', role: 'status' });
  const draw = (current: ListState): void => {
    const rows = filterTrainings(store, all, current);
    count.textContent = t('filter.count', { count: formatCount(rows.length), total: formatCount(all.length) });
    results.replaceChildren(dataTable(title, columns, rows, current, { change: (next, focusKey) => redraw(next, focusKey) }));
  };
  const filter = h('input', { type: 'search', id: 'training-filter', value: state.filter, placeholder: t('filter.placeholder'), autocomplete: 'off' });
  const typeSelect = h(
    'select',
    { id: 'training-type' },
    h('option', { value: '' }, t('type.any')),
    ...RIGHT_TYPE_ORDER.map((type) => h('option', { value: type, selected: state.type === type }, rightTypeLabel(type))),
  );
  const statusSelect = h(
    'select',
    { id: 'training-status' },
    ...(
      [
        ['', t('status.any')],
        ['active', t('status.active')],
        ['cancelled', t('status.cancelled')],
        ['late', t('status.late')],
      ] as const
    ).map(([value, label]) => h('option', { value, selected: state.status === value }, label)),
  );
  const current = (): ListState => ({ ...readListState(new URLSearchParams(location.hash.split('?')[1] ?? '')), filter: filter.value, type: typeSelect.value, status: statusSelect.value, page: 1 });
  // Typing replaces the history entry rather than adding one per keystroke.
  filter.addEventListener('input', () => redraw(current(), '', true));
  typeSelect.addEventListener('change', () => redraw(current(), '', true));
  statusSelect.addEventListener('change', () => redraw(current(), '', true));
  const controls = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('filter.label') },
    h('label', { for: 'training-filter' }, t('filter.label')),
    filter,
    h('label', { for: 'training-type' }, t('col.type')),
    typeSelect,
    h('label', { for: 'training-status' }, t('col.status')),
    statusSelect,
  );
  controls.addEventListener('submit', (event) => event.preventDefault());
  draw(state);
  const content = h('div', {}, h('h1', { tabindex: '-1' }, title), controls, count, results);
  listRedrawers.set(content, draw);
  return { title, content };
}

function filterTrainings(store: Store, trainings: readonly DashboardTraining[], state: ListState): readonly DashboardTraining[] {
  const tokens = state.filter === '' ? [] : queryTokens(state.filter);
  return trainings.filter((training) => {
    if (state.type !== '' && training.rightType !== state.type) return false;
    if (state.status === 'active' && training.cancelled) return false;
    if (state.status === 'cancelled' && !training.cancelled) return false;
    if (state.status === 'late' && !training.late) return false;
    if (tokens.length === 0) return true;
    const worker = findWorker(store, training.inss);
    const haystack = normalizeText(`${training.reference} ${training.title ?? ''} ${worker === undefined ? '' : workerName(worker)} ${inssDigits(training.inss)}`);
    return tokens.every((token) => haystack.includes(token));
  });
}

/** The list views' in-place redraw, found from the content element the router holds. */
const listRedrawers = new WeakMap<HTMLElement, (state: ListState) => void>();

function workersView(store: Store, route: Route, redraw: ListRedraw): View {
  const title = t('workers.title');
  const state = readListState(route.params);
  const results = h('div', { class: 'results' });
  const draw = (current: ListState): void => {
    results.replaceChildren(dataTable(title, workerColumns(), store.workersByName(), current, { change: (next, focusKey) => redraw(next, focusKey) }));
  };
  draw(state);
  const content = h('div', {}, h('h1', { tabindex: '-1' }, title), h('p', { class: 'count' }, t('workers.count', { count: formatCount(store.model.workers.length) })), results);
  listRedrawers.set(content, draw);
  return { title, content };
}

function tileView(store: Store, route: Route, id: string, redraw: ListRedraw): View {
  const tile = store.model.tiles.find((candidate) => candidate.id === id);
  if (tile === undefined) return notFoundView(t('tile.unknown'));
  const title = tileLabel(tile.id);
  const state = readListState(route.params);
  // A tile lists workers (INSZ) or trainings (references): each id is looked up as both.
  const workers: DashboardWorker[] = [];
  const trainings: DashboardTraining[] = [];
  for (const key of tile.inss) {
    const worker = findWorker(store, key);
    if (worker !== undefined) workers.push(worker);
    else {
      const training = store.trainingIndex().byReference.get(key);
      if (training !== undefined) trainings.push(training);
    }
  }
  const figure = tileFigure(tile);
  const results = h('div', { class: 'results' });
  const draw = (current: ListState): void => {
    const change = { change: (next: ListState, focusKey: string) => redraw(next, focusKey) };
    if (workers.length === 0 && trainings.length === 0) results.replaceChildren(h('p', {}, t('tile.empty')));
    else if (trainings.length > workers.length) results.replaceChildren(dataTable(title, trainingColumns(store), trainings, current, change));
    else results.replaceChildren(dataTable(title, workerColumns(), workers, current, change));
  };
  draw(state);
  const help = tileLabel(tile.id, true);
  const content = h(
    'div',
    {},
    h('h1', { tabindex: '-1' }, title),
    help === '' ? null : h('p', {}, help),
    h('p', { class: 'tile-figure' }, figure.main, figure.detail === null ? '' : ` · ${figure.detail}`),
    results,
  );
  listRedrawers.set(content, draw);
  return { title, content };
}

function workerView(store: Store, inss: string): View {
  const worker = findWorker(store, inss);
  if (worker === undefined) return notFoundView(t('worker.notFound', { inss: formatInss(inss) }));
  const title = workerName(worker);
  const totals = workerTotals(worker);
  const trainings = [...(store.trainingIndex().byInss.get(inssDigits(worker.inss)) ?? [])].sort((a, b) => ((a.startDay ?? '') < (b.startDay ?? '') ? -1 : 1));
  const content = h(
    'div',
    { class: 'worker' },
    h('h1', { tabindex: '-1' }, title),
    h('p', { class: 'inss' }, `${t('col.inss')} ${formatInss(worker.inss)}`),
    h('div', { class: 'worker-top' }, creditArc(totals.remaining, totals.used), workerTotalsTable(worker)),
    section(t('worker.employment'), employmentList(worker)),
    section(t('worker.perYear'), perYearTable(worker)),
    section(t('chart.worker'), barChart(t('chart.worker'), workerHoursRows(worker), formatHours)),
    section(
      t('worker.trainings'),
      trainings.length === 0 ? h('p', {}, t('worker.noTrainings')) : h('ul', { class: 'recent' }, ...trainings.map((training) => h('li', {}, trainingSummary(store, training)))),
    ),
  );
  return { title, content };
}

function workerTotalsTable(worker: DashboardWorker): HTMLElement {
  return h(
    'table',
    { class: 'totals' },
    h('caption', {}, t('worker.totals')),
    h('thead', {}, h('tr', {}, h('td', {}), ...[t('col.granted'), t('col.usedPlain'), t('col.remaining')].map((label) => h('th', { scope: 'col', class: 'number' }, label)))),
    h(
      'tbody',
      {},
      ...RIGHT_TYPE_ORDER.map((type) => {
        const figures = worker.types[type];
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, rightTypeLabel(type)),
          h('td', { class: 'number' }, formatHours(figures.granted)),
          h('td', { class: 'number' }, formatHours(figures.used)),
          h('td', { class: 'number' }, formatHours(figures.remaining)),
        );
      }),
      h('tr', {}, h('th', { scope: 'row' }, t('col.uncovered')), h('td', { class: 'number', colspan: 3 }, formatHours(worker.uncovered))),
    ),
  );
}

function employmentList(worker: DashboardWorker): HTMLElement {
  if (worker.employment.length === 0) return h('p', {}, t('worker.noEmployment'));
  return h(
    'ul',
    {},
    ...worker.employment.map((period) =>
      h('li', {}, period.end === null ? t('worker.employmentOpen', { start: formatDay(period.start) }) : t('worker.employmentClosed', { start: formatDay(period.start), end: formatDay(period.end) })),
    ),
  );
}

function perYearTable(worker: DashboardWorker): HTMLElement {
  const years = Object.keys(worker.years).sort();
  if (years.length === 0) return h('p', {}, t('chart.empty'));
  const header = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('col.year')),
    ...RIGHT_TYPE_ORDER.flatMap((type) => [
      h('th', { scope: 'col', class: 'number' }, `${rightTypeLabel(type)}: ${t('col.remaining')}`),
      h('th', { scope: 'col', class: 'number' }, `${rightTypeLabel(type)}: ${t('col.usedPlain')}`),
    ]),
  );
  const rows = years.map((year) => {
    const figures = worker.years[year] ?? {};
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, year),
      ...RIGHT_TYPE_ORDER.flatMap((type) => {
        const entry = figures[type];
        return [
          h('td', { class: 'number' }, entry === undefined ? '–' : formatHours(entry.granted - entry.used)),
          h('td', { class: 'number' }, entry === undefined ? '–' : formatHours(entry.used)),
        ];
      }),
    );
  });
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, t('worker.perYear')), h('thead', {}, header), h('tbody', {}, ...rows)));
}

/** The worker's used hours per year of the window by right type: the counters' own figures. */
function workerHoursRows(worker: DashboardWorker): ChartRow[] {
  return Object.keys(worker.years)
    .sort()
    .map((year) => {
      const values: Partial<Record<RightType, number>> = {};
      for (const type of RIGHT_TYPE_ORDER) {
        const used = worker.years[year]?.[type]?.used;
        if (used !== undefined) values[type] = used;
      }
      return { period: year, values };
    });
}

function trainingView(store: Store, reference: string): View {
  const training = store.trainingIndex().byReference.get(reference);
  if (training === undefined) return notFoundView(t('training.notFound', { reference }));
  const title = training.title ?? training.reference;
  return { title, content: h('div', {}, h('h1', { tabindex: '-1' }, title), trainingFacts(store, training)) };
}

function notFoundView(message: string): View {
  const title = t('notFound.title');
  return { title, content: h('div', {}, h('h1', { tabindex: '-1' }, title), h('p', {}, message), h('p', {}, link('#/', t('notFound.back')))) };
}
