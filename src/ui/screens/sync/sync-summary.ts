import type { BundleImportResult, BundlePreviewInfo, SyncStatus } from '../../../shared/api/sync';

/** Operations and audit entries waiting to go to the active peers (a revoked peer is sent nothing). */
export function waitingTotal(status: Pick<SyncStatus, 'peers'>): number {
  return status.peers.reduce((sum, peer) => sum + (peer.state === 'active' ? peer.waiting : 0), 0);
}

/** Whether the status bar has anything to say: a relay to report on, or peers to sync with by file. */
export function showsIndicator(status: Pick<SyncStatus, 'peers' | 'relay'>): boolean {
  return status.relay.state !== 'disabled' || status.peers.some((peer) => peer.state === 'active');
}

/** Why a bundle file will be refused, read from its header before anything is applied. */
export type PreviewProblem = 'notForThisNode' | 'unknownSender' | 'revokedSender';

export function previewProblems(preview: Pick<BundlePreviewInfo, 'forThisNode' | 'senderState'>): PreviewProblem[] {
  const problems: PreviewProblem[] = [];
  if (!preview.forThisNode) problems.push('notForThisNode');
  if (preview.senderState === 'unknown') problems.push('unknownSender');
  if (preview.senderState === 'revoked') problems.push('revokedSender');
  return problems;
}

/**
 * Bundles applied oldest first: any order converges (knowledge vectors, deferred rows), but the
 * order they were made in defers the fewest rows and reads naturally in the results.
 */
export function applyOrder<T extends { preview: Pick<BundlePreviewInfo, 'createdAt' | 'bundleId'> }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.preview.createdAt.localeCompare(b.preview.createdAt) || a.preview.bundleId.localeCompare(b.preview.bundleId));
}

/** What an import did, as one of the outcomes the screen names. */
export function importOutcome(result: Pick<BundleImportResult, 'replayed' | 'applied' | 'deferred'>): 'replayed' | 'nothingNew' | 'applied' {
  if (result.replayed) return 'replayed';
  return result.applied === 0 && result.deferred === 0 ? 'nothingNew' : 'applied';
}
