// Lists that grow with a district, read a page at a time: the first page, then "Show more" appends the next one.
// How many pages are shown is kept in the URL (?shown=3), so a reload or coming back shows as many again.
import { t } from '../core/i18n';
import type { en } from '../core/messages/en';
import { type Child, h } from './dom';
import { busy, showError } from './forms';

/** The web app's page size for every list (the service allows up to 500). */
export const PAGE_SIZE = 50;

/** The service's largest page: a reload that shows more than this many rows reads them in several calls. */
const MAX_SIZE = 500;

export interface PagedList<T> {
  /** The rows read so far, in order. */
  items: T[];
  /** The "Show more" button and its count, to place below the list. */
  footer: HTMLElement;
}

export interface PagerOptions<T> {
  /** Reads rows [page * size, page * size + size). */
  load: (page: number, size: number) => Promise<T[]>;
  /** Adds the rows of a page to the list (and to whatever the page built around them). */
  append: (rows: T[], all: T[]) => void;
  /** What the rows are, for the button and the count (pager.* in the catalogue): "people", "badges". */
  noun: keyof typeof en.pager;
  /** The URL parameter that keeps the number of pages shown; two lists on one page need two names. */
  param?: string;
  size?: number;
}

const shownPages = (param: string) => Math.max(1, Math.floor(Number(new URLSearchParams(location.search).get(param)) || 1));

/** Keeps the number of pages in the URL without a new history entry (so Back leaves the page, not the page count). */
function remember(param: string, pages: number): void {
  const url = new URL(location.href);
  if (pages > 1) url.searchParams.set(param, String(pages)); else url.searchParams.delete(param);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

/** Reads as many rows as the URL says were shown (in one call, up to 500 rows), then offers the next page. */
export async function pagedList<T>(o: PagerOptions<T>): Promise<PagedList<T>> {
  const size = o.size ?? PAGE_SIZE;
  const param = o.param ?? 'shown';
  let pages = Math.min(shownPages(param), Math.max(1, Math.floor(MAX_SIZE / size)));
  const wanted = pages * size;
  const items: T[] = await o.load(0, wanted);
  let more = items.length === wanted;
  const count = h('p', { class: 'pager-count', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'more' }, t(`pager.${o.noun}.more`));
  const footer = h('div', { class: 'pager' }, count, button);
  const show = () => {
    count.textContent = more ? t(`pager.${o.noun}.first`, { count: items.length }) : t(`pager.${o.noun}.all`, { count: items.length });
    button.hidden = !more;
    count.hidden = items.length === 0;
  };
  button.addEventListener('click', () => void busy(button, async () => {
    try {
      const rows = await o.load(pages, size);
      items.push(...rows);
      more = rows.length === size;
      if (rows.length) { pages += 1; remember(param, pages); o.append(rows, items); }
      show();
    } catch (err) { showError(footer, err); }
  }));
  o.append(items, items);
  show();
  return { items, footer };
}

/** Builds the list element a pager appends to: `ul`, `ol` or `tbody`, with rows from a renderer. */
export function growingList<T, K extends 'ul' | 'ol' | 'tbody'>(tag: K, attrs: Record<string, string>, row: (item: T) => Child):
  { element: HTMLElementTagNameMap[K]; append: (rows: T[]) => void } {
  const element = h(tag, attrs);
  return { element, append: (rows) => { for (const r of rows) { const c = row(r); if (c instanceof Node) element.append(c); } } };
}
