// The trainings: a training's summary, facts and history, the list of all, and one training's view.

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

function trainingView(store: Store, reference: string): View {
  const training = store.trainingIndex().byReference.get(reference);
  if (training === undefined) return notFoundView(t('training.notFound', { reference }));
  const title = training.title ?? training.reference;
  return { title, content: h('div', {}, h('h1', { tabindex: '-1' }, title), trainingFacts(store, training)) };
}
