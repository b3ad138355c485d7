// The service's JSON shapes this feature reads (a subset of each record's fields).
export interface InvitationView { email: string; districtName?: string; displayName?: string }
