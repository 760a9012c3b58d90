// The workers: the list of the window and one worker's view (credit arc, figures, chart, trainings).

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
