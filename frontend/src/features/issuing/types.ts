// The service's JSON shapes this feature reads (a subset of each record's fields).
import type { Alignment } from '../template/types';

export interface AssertionView {
  id: string; url: string; badgeClassUrl: string; personId: string; recipientEmail: string; recipientName?: string;
  tierKey?: string; issuedOn: string; expires?: string; revoked: boolean; revocationReason?: string; replaces?: string; replacedBy?: string;
  pngUrl: string; svgUrl: string; certificateUrl: string; jws?: string;
}
export interface BadgeClassDoc { id: string; name: string; description?: string; image?: string | { id: string }; criteria?: { id?: string; narrative?: string }; issuer?: string | { id: string; name?: string }; alignment?: Alignment[]; tags?: string[] }
export interface Portfolio { enabled: boolean; headline: string | null; url: string | null }
export interface PublicPortfolio {
  displayName: string; districtName: string; headline: string | null;
  badges: Array<{ id: string; name: string; imageUrl: string; issuedOn: string; expires: string | null; assertionUrl: string }>;
}
export interface IssuingSettings { issuerUrl: string; defaultMode: string; showStipend: boolean; showHours: boolean; signatoryName?: string | null; signatoryTitle?: string | null; revocationListUrl?: string }
