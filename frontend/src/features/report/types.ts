// The service's JSON shapes this feature reads (a subset of each record's fields).
export interface FunnelStep { step: string; count: number; percentOfEnrolled: number }
export interface TierFigures { key: string; title: string; started: number; submitted: number; returned: number; passed: number; waiting: number; decisions: number; medianHoursToDecision?: number | null }
export interface TemplateReport { title: string; funnel: FunnelStep[]; tiers: TierFigures[]; medianHoursToDecision?: number | null }
export interface Group { name: string; teachers: number; enrolled: number; earning: number; passedATier: number; completed: number; notStarted: number; participationPercent: number; stipendCents: number }
export interface Participation { district: Group; bySchool: Group[]; byExperience: Group[] }
export interface Coverage { alignments: Array<{ framework: string; code: string; name: string; publishedMicrocredentials: number; awards: number }> }
