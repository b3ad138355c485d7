// Pure formatting shared by every feature: money, dates, durations. Unit-tested in format.test.ts.

export function money(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: cents % 100 ? 2 : 0 });
}

export function date(iso?: string | null): string {
  return iso ? new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

/** How long something has waited, in the words a person uses. */
export function age(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

/** A median time to decision. */
export const hours = (x?: number | null) => (x == null ? 'no decisions yet' : x < 48 ? `${x.toFixed(1)} hours` : `${(x / 24).toFixed(1)} days`);
