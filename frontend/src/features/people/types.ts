// A person in the district as the admin sees them.

export interface Person { id: string; email: string; displayName?: string; roles: string[]; school?: string; yearsOfExperience?: number; coachId?: string; active: boolean; passwordSet: boolean; departedAt?: string | null }
