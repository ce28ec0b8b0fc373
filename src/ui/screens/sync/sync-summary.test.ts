import { describe, expect, it } from 'vitest';
import type { PeerSyncState, RelayStatus } from '../../../shared/api/sync';
import { applyOrder, importOutcome, previewProblems, showsIndicator, waitingTotal } from './sync-summary';

const peer = (over: Partial<PeerSyncState>): PeerSyncState => ({
  nodeId: '01JD8X3Y4Z5A6B7C8D9E0F1G2H',
  name: '玉龙县纪委监委',
  state: 'active',
  scopeCode: '530721',
  lastBundleIn: null,
  lastBundleOut: null,
  waiting: 0,
  ...over,
});
const relay = (state: RelayStatus['state']): RelayStatus => ({ url: state === 'disabled' ? null : 'http://10.1.1.1:8700', state, lastSync: null, nextAttempt: null });

describe('the status bar', () => {
  it('adds up what waits for the active peers only', () => {
    expect(waitingTotal({ peers: [peer({ waiting: 3 }), peer({ waiting: 40 }), peer({ state: 'revoked', waiting: 7 })] })).toBe(43);
    expect(waitingTotal({ peers: [] })).toBe(0);
  });

  it('says nothing without a relay and without active peers', () => {
    expect(showsIndicator({ relay: relay('disabled'), peers: [] })).toBe(false);
    expect(showsIndicator({ relay: relay('disabled'), peers: [peer({ state: 'revoked' })] })).toBe(false);
    expect(showsIndicator({ relay: relay('disabled'), peers: [peer({})] })).toBe(true);
    expect(showsIndicator({ relay: relay('offline'), peers: [] })).toBe(true);
    expect(showsIndicator({ relay: relay('online'), peers: [] })).toBe(true);
  });
});

describe('a bundle file before it is applied', () => {
  it('names each reason the importer will refuse it', () => {
    expect(previewProblems({ forThisNode: true, senderState: 'active' })).toEqual([]);
    expect(previewProblems({ forThisNode: false, senderState: 'active' })).toEqual(['notForThisNode']);
    expect(previewProblems({ forThisNode: true, senderState: 'unknown' })).toEqual(['unknownSender']);
    expect(previewProblems({ forThisNode: false, senderState: 'revoked' })).toEqual(['notForThisNode', 'revokedSender']);
  });

  it('applies several files in the order they were made, whatever order they were chosen in', () => {
    const item = (bundleId: string, createdAt: string) => ({ preview: { bundleId, createdAt } });
    const chosen = [item('C', '2026-11-21T09:00:00.000+08:00'), item('A', '2026-11-20T18:30:00.000+08:00'), item('B', '2026-11-21T09:00:00.000+08:00')];
    expect(applyOrder(chosen).map((i) => i.preview.bundleId)).toEqual(['A', 'B', 'C']);
    expect(chosen.map((i) => i.preview.bundleId)).toEqual(['C', 'A', 'B']);
  });

  it('tells a replay and a bundle with nothing new from one that changed something', () => {
    expect(importOutcome({ replayed: true, applied: 0, deferred: 0 })).toBe('replayed');
    expect(importOutcome({ replayed: false, applied: 0, deferred: 0 })).toBe('nothingNew');
    expect(importOutcome({ replayed: false, applied: 0, deferred: 2 })).toBe('applied');
    expect(importOutcome({ replayed: false, applied: 5, deferred: 0 })).toBe('applied');
  });
});
