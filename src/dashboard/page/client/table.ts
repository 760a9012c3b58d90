// Sortable, paged tables. The list state lives in the hash's query (#/trainings?sort=hours&dir=desc&
// page=2), so that a sorted page is a link and back/forward return to it; 50,000 rows are never in the
// DOM at once, only the current page.

interface Column<T> {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  readonly cell: (row: T) => Child;
  /** Columns without a sort value are not sortable. */
  readonly sortValue?: (row: T) => string | number;
}

interface ListState {
  readonly sort: string | null;
  readonly descending: boolean;
  readonly page: number;
  readonly filter: string;
  readonly type: string;
  readonly status: string;
}

const PAGE_SIZE = 50;

function readListState(params: URLSearchParams): ListState {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    sort: params.get('sort'),
    descending: params.get('dir') === 'desc',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    filter: params.get('q') ?? '',
    type: params.get('type') ?? '',
    status: params.get('status') ?? '',
  };
}

function listStateQuery(state: ListState): string {
  const params = new URLSearchParams();
  if (state.sort !== null) params.set('sort', state.sort);
  if (state.descending) params.set('dir', 'desc');
  if (state.page > 1) params.set('page', String(state.page));
  if (state.filter !== '') params.set('q', state.filter);
  if (state.type !== '') params.set('type', state.type);
  if (state.status !== '') params.set('status', state.status);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], state: ListState): readonly T[] {
  const column = columns.find((candidate) => candidate.key === state.sort);
  const value = column?.sortValue;
  if (value === undefined) return rows;
  // Text is compared on accent- and case-blind keys made once per row: a collator per comparison
  // takes about a second for 50,000 rows.
  const keyed = rows.map((row) => {
    const key = value(row);
    return { row, key: typeof key === 'number' ? key : normalizeText(key) };
  });
  const direction = state.descending ? -1 : 1;
  keyed.sort((a, b) => (a.key < b.key ? -direction : a.key > b.key ? direction : 0));
  return keyed.map((entry) => entry.row);
}

interface TableCallbacks {
  /** Called with the new state; the caller records it in the history and redraws. */
  readonly change: (state: ListState, focusKey: string) => void;
}

function dataTable<T>(caption: string, columns: readonly Column<T>[], rows: readonly T[], state: ListState, callbacks: TableCallbacks): HTMLElement {
  const sorted = sortRows(rows, columns, state);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const first = (page - 1) * PAGE_SIZE;
  const visible = sorted.slice(first, first + PAGE_SIZE);
  const header = columns.map((column) => {
    const sortable = column.sortValue !== undefined;
    const active = state.sort === column.key;
    const th = h('th', {
      scope: 'col',
      class: column.numeric === true ? 'number' : null,
      'aria-sort': active ? (state.descending ? 'descending' : 'ascending') : sortable ? 'none' : null,
    });
    if (!sortable) {
      th.textContent = column.label;
      return th;
    }
    const button = h(
      'button',
      { type: 'button', class: 'sort', 'data-focus': `sort-${column.key}`, title: t('sort.by', { column: column.label }) },
      column.label,
      h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (state.descending ? ' ▼' : ' ▲') : ''),
    );
    button.addEventListener('click', () => {
      callbacks.change({ ...state, sort: column.key, descending: active ? !state.descending : false, page: 1 }, `sort-${column.key}`);
    });
    th.appendChild(button);
    return th;
  });
  const body = h(
    'tbody',
    {},
    ...visible.map((row) => h('tr', {}, ...columns.map((column) => h('td', { class: column.numeric === true ? 'number' : null }, column.cell(row))))),
  );
  const table = h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, caption), h('thead', {}, h('tr', {}, ...header)), body);
  const wrapper = h('div', { class: 'table-block' }, h('div', { class: 'table-scroll' }, table));
  if (sorted.length > PAGE_SIZE) wrapper.appendChild(pager(page, pages, sorted.length, first, visible.length, state, callbacks));
  return wrapper;
}

function pager(page: number, pages: number, total: number, first: number, shown: number, state: ListState, callbacks: TableCallbacks): HTMLElement {
  const previous = h('button', { type: 'button', 'data-focus': 'page-previous', disabled: page <= 1 }, t('page.previous'));
  const next = h('button', { type: 'button', 'data-focus': 'page-next', disabled: page >= pages }, t('page.next'));
  previous.addEventListener('click', () => callbacks.change({ ...state, page: page - 1 }, 'page-previous'));
  next.addEventListener('click', () => callbacks.change({ ...state, page: page + 1 }, 'page-next'));
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('page.of', { page, pages }) },
    previous,
    h('span', {}, `${t('page.of', { page: formatCount(page), pages: formatCount(pages) })} · ${t('page.rows', { from: formatCount(first + 1), to: formatCount(first + shown), total: formatCount(total) })}`),
    next,
  );
}

function workerColumns(): Column<DashboardWorker>[] {
  return [
    {
      key: 'name',
      label: t('col.name'),
      cell: (worker) => link(`#/workers/${inssDigits(worker.inss)}`, listName(worker)),
      sortValue: (worker) => `${worker.name} ${worker.firstName}`,
    },
    { key: 'inss', label: t('col.inss'), cell: (worker) => formatInss(worker.inss), sortValue: (worker) => inssDigits(worker.inss) },
    { key: 'remaining', label: t('col.remaining'), numeric: true, cell: (worker) => formatHours(workerTotals(worker).remaining), sortValue: (worker) => workerTotals(worker).remaining },
    ...RIGHT_TYPE_ORDER.map((type): Column<DashboardWorker> => ({
      key: `used-${type.toLowerCase()}`,
      label: t('col.used', { type: rightTypeLabel(type) }),
      numeric: true,
      cell: (worker) => formatHours(worker.types[type].used),
      sortValue: (worker) => worker.types[type].used,
    })),
    { key: 'uncovered', label: t('col.uncovered'), numeric: true, cell: (worker) => formatHours(worker.uncovered), sortValue: (worker) => worker.uncovered },
  ];
}

function trainingStatus(training: DashboardTraining): string {
  const parts = [training.cancelled ? t('status.cancelled') : t('status.active')];
  if (training.late) parts.push(t('status.late'));
  return parts.join(', ');
}

function trainingColumns(store: Store): Column<DashboardTraining>[] {
  const nameOf = (training: DashboardTraining): string => {
    const worker = findWorker(store, training.inss);
    return worker === undefined ? formatInss(training.inss) : listName(worker);
  };
  return [
    { key: 'reference', label: t('col.reference'), cell: (training) => link(`#/trainings/${encodeURIComponent(training.reference)}`, training.reference), sortValue: (training) => training.reference },
    { key: 'worker', label: t('col.worker'), cell: (training) => link(`#/workers/${inssDigits(training.inss)}`, nameOf(training)), sortValue: nameOf },
    { key: 'title', label: t('col.title'), cell: (training) => training.title ?? '–', sortValue: (training) => training.title ?? '' },
    { key: 'start', label: t('col.start'), cell: (training) => formatDay(training.startDay), sortValue: (training) => training.startDay ?? '' },
    { key: 'end', label: t('col.end'), cell: (training) => formatDay(training.endDay), sortValue: (training) => training.endDay ?? '' },
    { key: 'hours', label: t('col.hours'), numeric: true, cell: (training) => formatHours(training.hours), sortValue: (training) => training.hours },
    { key: 'type', label: t('col.type'), cell: (training) => rightTypeLabel(training.rightType), sortValue: (training) => training.rightType ?? '' },
    { key: 'status', label: t('col.status'), cell: trainingStatus, sortValue: trainingStatus },
  ];
}
