// What every view shares: a view is drawn into <main> by the router and returns its heading text
// (the document title) and its content; landing.ts, trainings.ts and workers.ts hold the views.

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

/** The list views' in-place redraw, found from the content element the router holds. */
const listRedrawers = new WeakMap<HTMLElement, (state: ListState) => void>();

function notFoundView(message: string): View {
  const title = t('notFound.title');
  return { title, content: h('div', {}, h('h1', { tabindex: '-1' }, title), h('p', {}, message), h('p', {}, link('#/', t('notFound.back')))) };
}
