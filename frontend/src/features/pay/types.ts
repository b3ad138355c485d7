// The service's JSON shapes of compensation (org.cairn.template.Pay and org.cairn.enrollment's payroll, budget and
// spending).

export type PayKind = 'NONE' | 'STIPEND' | 'SALARY_INCREASE' | 'RELEASE_TIME' | 'COURSE_CREDIT';
export interface Pay {
  kind: PayKind; cents: number; fundingSource?: string | null;
  /** A salary increase: from the next contract year, or from a date the district set. */
  effective?: 'NEXT_CONTRACT_YEAR' | 'ON_DATE' | null; effectiveOn?: string | null;
  budgetYears?: number | null; prorateFirstYear?: boolean;
  /** Release time: hours or days; course credit: credits. */
  quantity?: number | null; releaseUnit?: 'HOURS' | 'DAYS' | null; creditType?: string | null; grantingBody?: string | null;
}
export interface Who { personId: string; email: string; name: string; school: string }
export interface OneTime { earnedOn: string; who: Who; microcredential: string; tier: string; cents: number; fundingSource?: string; fiscalYear?: string }
export interface Recurring { earnedOn: string; who: Who; microcredential: string; tier: string; annualCents: number; effectiveOn: string; inPeriodCents: number; fundingSource?: string }
export interface HrRecord { earnedOn: string; who: Who; microcredential: string; tier: string; kind: PayKind; quantity?: number; releaseUnit?: 'HOURS' | 'DAYS'; creditType?: string; grantingBody?: string; valueCents: number; fundingSource?: string }
export interface PeriodPay { from: string; to: string; oneTime: OneTime[]; recurring: Recurring[]; hr: HrRecord[]; oneTimeCents: number; recurringCents: number }
export interface BudgetYear { fiscalYear: string; budgetCents: number; committedCents: number; paidCents: number; remainingCents: number }
export interface SpendingRow {
  fundingSource: string; stipendsCents: number; salaryIncreasesCents: number; releaseTimeCents: number; releaseHours: number;
  releaseDays: number; courseCreditCents: number; credits: number; totalCents: number;
}
export interface Spending { fiscalYear: string; from: string; to: string; sources: SpendingRow[]; total: SpendingRow }
