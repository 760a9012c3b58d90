// The page's frame (banner, navigation, search, language) and the hash router. Runs last: every other
// client file only declares.

interface AppState {
  store: Store;
  searchIndex: SearchIndex | null;
  /** The hash last drawn, so that a history entry we pushed ourselves is not drawn twice. */
  drawnHash: string | null;
  content: HTMLElement | null;
}

let app: AppState | null = null;

function mainElement(): HTMLElement {
  const main = document.getElementById('content');
  if (main === null) throw new Error('no <main id="content">');
  return main;
}

async function startDashboard(): Promise<void> {
  let model: Model;
  try {
    model = await readEmbeddedModel();
    performance.mark('fla-model-read');
  } catch {
    mainElement().replaceChildren(h('p', { class: 'error', role: 'alert' }, t('app.broken')));
    return;
  }
  setLanguage(LANGS.includes(model.lang) ? model.lang : 'en');
  app = { store: buildStore(model), searchIndex: null, drawnHash: null, content: null };
  drawChrome();
  window.addEventListener('hashchange', drawIfMoved);
  window.addEventListener('popstate', drawIfMoved);
  drawRoute(false);
  openFoldedForPrint();
  // The search index is built after the first view is on screen, or on the first keystroke.
  setTimeout(() => searchIndexOf(), 0);
  document.body.dataset['ready'] = 'true';
  // The bench reads this mark: the time from navigation to a usable first view.
  performance.mark('fla-interactive');
}

/** Printed, the charts' tables and the trainings' details are shown: paper cannot unfold them. */
function openFoldedForPrint(): void {
  window.addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
      details.open = true;
      details.dataset['printOpened'] = 'true';
    }
  });
  window.addEventListener('afterprint', () => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-print-opened]')) {
      details.open = false;
      delete details.dataset['printOpened'];
    }
  });
}

function searchIndexOf(): SearchIndex {
  if (app === null) throw new Error('not started');
  if (app.searchIndex === null) {
    const started = performance.now();
    app.searchIndex = buildSearchIndex(app.store.workersByName());
    performance.measure('fla-search-index', { start: started });
  }
  return app.searchIndex;
}

function drawIfMoved(): void {
  if (app !== null && location.hash !== app.drawnHash) drawRoute(true);
}

function parseRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const queryAt = hash.indexOf('?');
  const pathText = queryAt < 0 ? hash : hash.slice(0, queryAt);
  const path = pathText
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  return { path, params: new URLSearchParams(queryAt < 0 ? '' : hash.slice(queryAt + 1)) };
}

function viewFor(store: Store, route: Route): View {
  const [section, id] = route.path;
  const redraw = listRedraw(route);
  if (section === undefined) return landingView(store, route, redraw);
  if (section === 'trainings') return id === undefined ? trainingsView(store, route, redraw) : trainingView(store, id);
  if (section === 'workers') return id === undefined ? workersView(store, route, redraw) : workerView(store, id);
  if (section === 'tiles' && id !== undefined) return tileView(store, route, id, redraw);
  return notFoundView(location.hash);
}

function drawRoute(moveFocus: boolean): void {
  if (app === null) return;
  const route = parseRoute();
  const view = viewFor(app.store, route);
  app.content = view.content;
  app.drawnHash = location.hash;
  mainElement().replaceChildren(view.content);
  document.title = `${view.title} – ${t('app.title')}`;
  markCurrentNavigation(route);
  closeSearchResults();
  if (moveFocus) {
    // A new view is like a new page: its heading takes the focus, so screen readers announce it.
    view.content.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo(0, 0);
  }
}

function listRedraw(route: Route): ListRedraw {
  return (state, focusKey, replace = false) => {
    if (app === null || app.content === null) return;
    const hash = `#/${route.path.map(encodeURIComponent).join('/')}${listStateQuery(state)}`;
    if (replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
    app.drawnHash = location.hash;
    listRedrawers.get(app.content)?.(state);
    if (focusKey !== '') app.content.querySelector<HTMLElement>(`[data-focus="${focusKey}"]`)?.focus();
  };
}

function markCurrentNavigation(route: Route): void {
  const section = route.path[0] ?? '';
  for (const anchor of document.querySelectorAll<HTMLAnchorElement>('nav.site a')) {
    if (anchor.dataset['section'] === section && route.path.length <= 1) anchor.setAttribute('aria-current', 'page');
    else anchor.removeAttribute('aria-current');
  }
}

function drawChrome(): void {
  if (app === null) return;
  const { model } = app.store;
  const banner = document.getElementById('banner');
  const footer = document.getElementById('footer');
  if (banner === null || footer === null) return;
  const skip = h('a', { class: 'skip', href: '#content' }, t('nav.skip'));
  // The skip link must not change the hash: the hash is the router's.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    mainElement().focus();
  });
  const company = model.companyName === null ? t('app.company', { id: model.companyId }) : `${model.companyName} (${model.companyId})`;
  banner.replaceChildren(
    skip,
    h(
      'div',
      { class: 'identity' },
      h('p', { class: 'app-title' }, t('app.title')),
      h('p', { class: 'company' }, company),
      h('p', { class: 'meta' }, `${t('app.window', { from: model.window, to: model.window + 4 })} · ${t('app.asOf', { date: formatDay(model.asOf) })}`),
    ),
    h(
      'nav',
      { class: 'site', 'aria-label': t('nav.label') },
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: '#/', 'data-section': '' }, t('nav.overview'))),
        h('li', {}, h('a', { href: '#/trainings', 'data-section': 'trainings' }, t('nav.trainings'))),
        h('li', {}, h('a', { href: '#/workers', 'data-section': 'workers' }, t('nav.workers'))),
      ),
    ),
    searchBox(),
    languagePicker(),
  );
  footer.replaceChildren(h('p', {}, t('app.generated', { date: formatMoment(model.generatedAt) })));
}

function languagePicker(): HTMLElement {
  const select = h('select', { id: 'language' }, ...LANGS.map((lang) => h('option', { value: lang, selected: lang === formats.lang, lang }, lang.toUpperCase())));
  select.addEventListener('change', () => {
    const lang = LANGS.find((candidate) => candidate === select.value);
    if (lang === undefined) return;
    setLanguage(lang);
    drawChrome();
    drawRoute(false);
    document.getElementById('language')?.focus();
  });
  return h('div', { class: 'language' }, h('label', { for: 'language' }, t('lang.label')), select);
}

const SEARCH_LIMIT = 10;

function searchBox(): HTMLElement {
  const input = h('input', {
    type: 'search',
    id: 'search',
    placeholder: t('search.placeholder'),
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': 'search-results',
    'aria-describedby': 'search-status',
  });
  const status = h('p', { id: 'search-status', class: 'visually-hidden', role: 'status' });
  const results = h('ul', { id: 'search-results', class: 'search-results', hidden: true });
  const form = h('form', { class: 'search', role: 'search' }, h('label', { for: 'search' }, t('search.label')), input, status, results);
  input.addEventListener('input', () => showSearchResults(input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    results.querySelector<HTMLAnchorElement>('a')?.click();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      results.querySelector<HTMLAnchorElement>('a')?.focus();
    } else if (event.key === 'Escape') {
      closeSearchResults();
    }
  });
  results.addEventListener('keydown', (event) => {
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      (next < 0 ? input : links[Math.min(next, links.length - 1)])?.focus();
    } else if (event.key === 'Escape') {
      closeSearchResults();
      input.focus();
    }
  });
  return form;
}

function showSearchResults(query: string): void {
  const results = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (results === null || status === null) return;
  const found = searchWorkers(searchIndexOf(), query, SEARCH_LIMIT);
  if (query.trim() === '') {
    closeSearchResults();
    return;
  }
  const items = found.matches.map((worker) =>
    h('li', {}, h('a', { href: `#/workers/${inssDigits(worker.inss)}` }, h('span', { class: 'result-name' }, listName(worker)), h('span', { class: 'result-inss' }, formatInss(worker.inss)))),
  );
  if (found.total > found.matches.length) items.push(h('li', { class: 'more' }, t('search.more', { count: formatCount(found.total - found.matches.length) })));
  if (found.total === 0) items.push(h('li', { class: 'more' }, t('search.none')));
  results.replaceChildren(...items);
  results.hidden = false;
  status.textContent = found.total === 0 ? t('search.none') : t('search.results', { count: formatCount(found.total) });
}

function closeSearchResults(): void {
  const results = document.getElementById('search-results');
  if (results !== null) {
    results.hidden = true;
    results.replaceChildren();
  }
}

void startDashboard();
