// Uploading a spreadsheet (CSV) and showing what the service said about its rows: every bad row by its number, in
// the words the service wrote, so the person fixes the file in one pass.
import { ApiError, request } from '../core/http';
import { t } from '../core/i18n';
import { h } from './dom';
import { field } from './forms';

export interface RowProblem { row: number; message: string }

/** A file picker for CSV with a hint about the columns; Excel's "CSV UTF-8" and Google Sheets' download both work. */
export function csvPicker(label: string, hint: string): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'file', accept: '.csv,text/csv' });
  return { field: field(label, input, { name: 'file', hint }), input };
}

/** Posts the chosen file as text/csv. */
export async function postCsv<T>(url: string, file: File): Promise<T> {
  return request<T>('POST', url, new Blob([await file.text()], { type: 'text/csv' }), { 'Content-Type': 'text/csv' });
}

/** The row problems of a 422/400 from a CSV upload, or null when the failure is about something else. */
export function rowProblems(e: unknown): { summary: string; rows: RowProblem[]; more: number } | null {
  if (!(e instanceof ApiError) || (e.slug !== 'csv-invalid-rows' && e.slug !== 'csv-unreadable')) return null;
  const rows = e.rows ?? [];
  return { summary: e.detail, rows, more: Math.max(0, (e.rowsWithProblems ?? rows.length) - rows.length) };
}

/** The list a person works through: "Row 4: … is not an email address." */
export function rowProblemList(title: string, p: { summary: string; rows: RowProblem[]; more: number }): HTMLElement {
  return h('div', { class: 'form-error', role: 'alert', tabindex: -1 },
    h('h3', {}, title), h('p', {}, p.summary),
    p.rows.length > 1 ? h('ul', { class: 'row-problems' }, p.rows.map((r) => h('li', {}, h('strong', {}, t('common.rowN', { row: r.row })), r.message))) : null,
    p.more ? h('p', {}, t('common.moreRows', { count: p.more })) : null);
}
