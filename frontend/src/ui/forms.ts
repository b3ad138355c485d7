// Form controls that cannot be built without a label and an error slot, and the placement of API problems.
import { ApiError } from '../core/http';
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
  scope.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  scope.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  scope.querySelectorAll('.form-error').forEach((e) => e.remove());
}

/**
 * Shows an API failure: each `errors[]` entry next to the control whose data-field matches (or the closest
 * enclosing path), the rest in a summary at the top of the scope, focused so screen readers announce it.
 */
export function showError(scope: Element, e: unknown): void {
  clearErrors(scope);
  const err = e instanceof ApiError ? e : new ApiError(0, 'Something went wrong', String(e), '', []);
  const unplaced: string[] = [];
  let first: HTMLElement | null = null;
  for (const p of err.errors) {
    const target = findField(scope, p.field);
    if (target) {
      const slot = target.parentElement?.querySelector<HTMLElement>(':scope > .field-error')
        ?? target.closest('.field')?.querySelector<HTMLElement>('.field-error');
      if (slot) {
        slot.textContent = slot.textContent ? `${slot.textContent} ${cap(p.message)}` : cap(p.message);
        target.setAttribute('aria-invalid', 'true');
        first ??= target;
        continue;
      }
    }
    unplaced.push(`${p.field}: ${p.message}`);
  }
  const summary = h('div', { class: 'form-error', role: 'alert', tabindex: -1 },
    h('strong', {}, err.title), err.detail && err.errors.length === 0 ? h('p', {}, err.detail) : null,
    unplaced.length ? h('ul', {}, unplaced.map((u) => h('li', {}, u))) : null);
  scope.prepend(summary);
  (first ?? summary).focus();
}

function findField(scope: Element, path: string): HTMLElement | null {
  // exact match first, then shorter prefixes: "tiers[0].requirements" lands on the tier when there is no closer control
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const el = scope.querySelector<HTMLElement>(`[data-field="${CSS.escape(p)}"]:not(.field)`)
      ?? scope.querySelector<HTMLElement>(`.field[data-field="${CSS.escape(p)}"] input, .field[data-field="${CSS.escape(p)}"] textarea`);
    if (el) return el;
    if (!/[.[]/.test(p)) break;
  }
  return null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Runs an async action from a button, disabling it meanwhile so a double click makes one request. */
export async function busy<T>(button: HTMLButtonElement | null, action: () => Promise<T>): Promise<T | undefined> {
  if (button?.disabled) return undefined;
  if (button) { button.disabled = true; button.setAttribute('aria-busy', 'true'); }
  try { return await action(); } finally {
    if (button) { button.disabled = false; button.removeAttribute('aria-busy'); }
  }
}
