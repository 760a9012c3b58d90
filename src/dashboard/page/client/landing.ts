// The landing view: tiles, recent trainings, charts and the workers of the window; and a tile's list.

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
