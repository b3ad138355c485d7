// The service's JSON shapes this feature reads (a subset of each record's fields).
/** One check: the stable id (for experts), its short title and the sentence people read (in their language), the outcome, the technical message. */
export interface Check { id: string; outcome: string; message: string; sentence?: string; title?: string }
export interface Verdict {
  valid: boolean; input?: string; kind?: string; verificationType?: string; checks: Check[];
  assertion?: { id?: string; issuedOn?: string; expires?: string; revoked?: boolean; revocationReason?: string; narrative?: string; evidence?: string[] };
  badge?: { id?: string; name?: string; description?: string; image?: string; criteria?: string; criteriaNarrative?: string };
  issuer?: { id?: string; name?: string; url?: string; email?: string; recognised?: boolean };
  recipient?: { type?: string; hashed?: boolean; identity?: string; matched?: boolean | null };
  alignments?: Array<{ targetName: string; targetUrl?: string; targetFramework?: string; targetCode?: string }>;
  /** A Cairn transcript: one report per badge it carries. */
  badges?: Array<{ name?: string; attachment: string; report?: Verdict | null }>;
  /** A learner record (CLR 2.0): the report of each credential it holds. */
  credentials?: Verdict[];
  endorsements?: EndorsementVerdict[];
}
/** One endorsement of the verified badge, verified on its own; its comment is another issuer's plain text. */
export interface EndorsementVerdict {
  id?: string; kind?: string; on: string; endorsedId?: string; comment?: string; issuedOn?: string; valid: boolean; revoked: boolean;
  revocationReason?: string; sentence: string; endorser?: { id?: string; name?: string; url?: string; recognised?: boolean }; checks: Check[];
}
