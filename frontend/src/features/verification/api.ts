// Typed calls to the service's verifier (org.cairn.verification).
import { api } from '../../core/http';
import type { Verdict } from './types';

export const verificationApi = {
  /** A file (FormData with `file` and optional `recipient`) or a JSON body ({url}, {jws} or {assertion}). */
  verify: (body: FormData | Record<string, unknown>) => api.post<Verdict>('/api/v1/verifications', body),
};
