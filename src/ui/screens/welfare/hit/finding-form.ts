import type { Finding, HitDetail, HitStatus } from '../../../../shared/api/welfare';
import { formatYuan, parseYuan } from '../shared/money';

/** 20 MB a file, as the case documents take them. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface FindingValues {
  finding: Finding | null;
  reason: string;
  /** yuan as typed; confirmed only */
  recoverable: string;
  files: File[];
}

export type FindingProblem = 'findingRequired' | 'reasonRequired' | 'amountInvalid' | 'tooLarge';
export type FindingErrors = Partial<Record<'finding' | 'reason' | 'recoverable' | 'files', FindingProblem>>;

const FINDING_STATUSES: readonly HitStatus[] = ['confirmed', 'explained', 'data_error'];

/** The form as it opens: the finding recorded so far if there is one, the computed amount to recover. */
export function initialFinding(hit: Pick<HitDetail, 'status' | 'recoverableFen'>): FindingValues {
  return {
    finding: FINDING_STATUSES.includes(hit.status) ? (hit.status as Finding) : null,
    reason: '',
    recoverable: formatYuan(hit.recoverableFen).replace(/,/g, ''),
    files: [],
  };
}

/**
 * What the form lacks: a finding; a reason for anything but a confirmation (an explanation or a
 * data error has to say what it is); a valid amount for a confirmation; files within the limit.
 */
export function checkFinding(values: FindingValues): FindingErrors {
  const errors: FindingErrors = {};
  if (!values.finding) errors.finding = 'findingRequired';
  if (values.finding && values.finding !== 'confirmed' && !values.reason.trim()) errors.reason = 'reasonRequired';
  if (values.finding === 'confirmed' && parseYuan(values.recoverable) === null) errors.recoverable = 'amountInvalid';
  if (values.files.some((f) => f.size > MAX_ATTACHMENT_BYTES)) errors.files = 'tooLarge';
  return errors;
}

/**
 * The amount to send: only for a confirmation, and only when it differs from what the core
 * computed (the contract's "when it differs"), so that a later recomputation still applies.
 */
export function recoverableToSend(values: FindingValues, computedFen: number): number | undefined {
  if (values.finding !== 'confirmed') return undefined;
  const fen = parseYuan(values.recoverable);
  return fen === null || fen === computedFen ? undefined : fen;
}
