// Feedback a person sees: status lines, loading skeletons, empty states and toasts.
import { t } from '../core/i18n';
import { type Child, h } from './dom';

export function status(text: string, kind: 'ok' | 'info' | 'warn' = 'info'): HTMLParagraphElement {
  return h('p', { class: `status status-${kind}`, role: 'status' }, text);
}

export function loading(): HTMLParagraphElement {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

/** Announces something to screen readers and sighted users alike. */
export function toast(text: string): void {
  const region = document.getElementById('toast')!;
  region.textContent = text;
  setTimeout(() => { if (region.textContent === text) region.textContent = ''; }, 5000);
}

/** Grey placeholder lines shown while a page loads, announced once as busy. */
export function skeleton(lines = 4): HTMLElement {
  return h('div', { class: 'skeleton', role: 'status', 'aria-label': t('common.loading') },
    h('div', { class: 'skeleton-line skeleton-title' }),
    Array.from({ length: lines }, () => h('div', { class: 'skeleton-line' })));
}

/** What an empty list says, and the one thing to do next. */
export function emptyState(text: string, action?: Child): HTMLElement {
  return h('div', { class: 'empty-state' }, h('p', {}, text), action ? h('p', {}, action) : null);
}

/** A wide table in a labelled region that scrolls sideways by itself (and by keyboard), never the page. */
export function scrollTable(label: string, table: HTMLTableElement): HTMLElement {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}
