// Form controls that cannot be built without a label and an error slot, and the placement of API problems.
import { ApiError } from '../core/http';
import { t } from '../core/i18n';
import { explain, type Labels } from '../core/problems';
import { type Attrs, h, uid } from './dom';

/**
 * A labelled input with its own error slot. `name` is the API field the problem+json `errors[].field` names, so a
 * 422 lands next to the right input.
 */
export function field(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  opts: { name?: string; hint?: string } = {}): HTMLDivElement {
  const id = control.id || uid();
  control.id = id;
  if (opts.name) control.dataset.field = opts.name;
  const err = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const hint = opts.hint ? h('p', { class: 'hint', id: `${id}-hint` }, opts.hint) : null;
  control.setAttribute('aria-describedby', [hint?.id, err.id].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), hint, control, err);
  if (opts.name) wrap.dataset.field = opts.name;
  return wrap;
}

export const input = (attrs: Attrs = {}) => h('input', { type: 'text', ...attrs });
export const textarea = (attrs: Attrs = {}) => h('textarea', { rows: 4, ...attrs });
export function select(options: Array<[string, string]>, attrs: Attrs = {}, selected?: string): HTMLSelectElement {
  return h('select', attrs, options.map(([v, l]) => h('option', { value: v, selected: v === selected }, l)));
}

/** Clears earlier errors in a form or section. */
export function clearErrors(scope: Element): void {
  if (!scope) return;
  scope.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  scope.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  scope.removeAttribute('aria-invalid');
  scope.querySelectorAll('.form-error').forEach((e) => e.remove());
  // a summary further up that listed problems of this part loses those lines
  scope.querySelectorAll<HTMLElement>('[data-field]').forEach((el) => forget(el.dataset.field!));
  const own = (scope as HTMLElement).dataset?.field;
  if (own) forget(own);
}

/** Removes summary lines about `path` (and the summary once nothing is left in it). */
function forget(path: string): void {
  document.querySelectorAll<HTMLElement>(`.form-error li[data-for="${CSS.escape(path)}"], .form-error li[data-for^="${CSS.escape(path)}."]`).forEach((li) => {
    const summary = li.closest('.form-error');
    li.remove();
    if (summary && !summary.querySelector('li')) summary.remove();
  });
}

/** The label a person sees for the control of an API field path, read from the page. */
function domLabel(scope: Element, path: string): string | undefined {
  const el = findField(scope, path, true);
  if (!el) return undefined;
  if (el.dataset.label) return el.dataset.label;
  const byFor = el.id ? scope.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
  if (byFor) return byFor.trim();
  const legend = el.closest('fieldset')?.querySelector('legend')?.textContent;
  if (el.tagName === 'FIELDSET' && legend) return legend.trim();
  const heading = el.querySelector('h2, h3')?.textContent;
  return heading?.trim() || undefined;
}

/**
 * Shows an API failure in plain words (core/problems.ts): each `errors[]` entry as a sentence next to the control
 * whose data-field matches (or the closest enclosing path), naming it by its label; a summary at the top of the
 * scope, focused so screen readers announce it. Each message goes as soon as its control changes.
 */
export function showError(scope: Element, e: unknown, labels: Labels = {}, opts: { summaryIn?: Element } = {}): void {
  clearErrors(scope);
  const err = e instanceof ApiError ? e : new ApiError(0, t('shell.somethingWrong'), t('http.generic'), '', []);
  const explained = explain({ status: err.status, title: err.title, detail: err.detail, slug: err.slug, errors: err.errors, extra: err.extra },
    { key: labels.key, field: (path) => labels.field?.(path) ?? domLabel(scope, path) });
  let first: HTMLElement | null = null;
  const lines: HTMLElement[] = [];
  for (const p of explained.fields) {
    const target = findField(scope, p.field);
    const slot = target?.querySelector<HTMLElement>(':scope > .field-error')
      ?? target?.parentElement?.querySelector<HTMLElement>(':scope > .field-error')
      ?? target?.closest('.field')?.querySelector<HTMLElement>('.field-error');
    if (target && slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${p.sentence}` : p.sentence;
      target.setAttribute('aria-invalid', 'true');
      first ??= target.matches('input, textarea, select, button') ? target : target.querySelector<HTMLElement>('input, textarea, select, button') ?? target;
    }
    lines.push(h('li', { 'data-for': p.field }, p.sentence));
  }
  const summary = h('div', { class: 'form-error', role: 'alert', tabindex: -1 },
    h('strong', {}, explained.summary), lines.length > 1 ? h('ul', {}, lines) : null);
  if (lines.length === 1) { lines[0].hidden = true; summary.append(h('ul', { hidden: true }, lines)); }
  (opts.summaryIn ?? scope).prepend(summary);
  watch(scope);
  (first ?? summary).focus();
}

const watched = new WeakSet<Element>();
/** A message goes as soon as the person changes the control it is about. */
function watch(scope: Element): void {
  if (watched.has(scope)) return;
  watched.add(scope);
  const fixed = (ev: Event) => {
    const control = ev.target as HTMLElement;
    const invalid = control.closest<HTMLElement>('[aria-invalid="true"]') ?? (control.getAttribute('aria-invalid') ? control : null);
    if (!invalid) return;
    invalid.removeAttribute('aria-invalid');
    const holder = invalid.closest<HTMLElement>('.field, [data-field]');
    const slot = holder?.querySelector<HTMLElement>('.field-error');
    if (slot) slot.textContent = '';
    const path = invalid.dataset.field ?? holder?.dataset.field;
    if (path) forget(path);
  };
  scope.addEventListener('input', fixed);
  scope.addEventListener('change', fixed);
}

function findField(scope: Element, path: string, exactOnly = false): HTMLElement | null {
  // exact match first, then shorter prefixes: "tiers[0].requirements" lands on the tier when there is no closer control
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const el = scope.querySelector<HTMLElement>(`[data-field="${CSS.escape(p)}"]:not(.field)`)
      ?? scope.querySelector<HTMLElement>(`.field[data-field="${CSS.escape(p)}"] input, .field[data-field="${CSS.escape(p)}"] textarea, .field[data-field="${CSS.escape(p)}"] select`);
    if (el) return el;
    if (exactOnly || !/[.[]/.test(p)) break;
  }
  return null;
}

/** Runs an async action from a button, disabling it meanwhile so a double click makes one request. */
export async function busy<T>(button: HTMLButtonElement | null, action: () => Promise<T>): Promise<T | undefined> {
  if (button?.disabled) return undefined;
  if (button) { button.disabled = true; button.setAttribute('aria-busy', 'true'); }
  try { return await action(); } finally {
    if (button) { button.disabled = false; button.removeAttribute('aria-busy'); }
  }
}
