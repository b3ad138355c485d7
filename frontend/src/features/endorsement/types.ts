// The service's JSON shapes for endorsements (org.cairn.endorsement).
export interface Endorsement {
  id: string; url: string; credentialUrl: string; jwsUrl?: string; endorserName: string; endorserIssuerId: string;
  target: string; targetKind: 'badge' | 'issuer'; targetName: string; targetDistrictName?: string; comment?: string;
  issuedOn: string; status: 'pending' | 'accepted' | 'hidden' | 'external'; decidedAt?: string; withdrawn: boolean;
  withdrawnAt?: string; withdrawalReason?: string;
}
export interface TargetDistrict { name: string; issuerUrl: string; badges: Array<{ url: string; name: string }> }
/** One accepted endorsement as a public badge page shows it. */
export interface ShownEndorsement { url: string; credentialUrl: string; endorserName: string; endorserUrl: string; comment?: string; issuedOn: string }
