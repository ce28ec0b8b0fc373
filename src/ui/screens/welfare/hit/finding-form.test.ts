import { describe, expect, it } from 'vitest';
import { checkFinding, initialFinding, MAX_ATTACHMENT_BYTES, recoverableToSend, type FindingValues } from './finding-form';

const values = (over: Partial<FindingValues>): FindingValues => ({ finding: 'confirmed', reason: '', recoverable: '650.00', files: [], ...over });
const file = (size: number) => ({ name: 'a.pdf', size }) as File;

describe('the finding form', () => {
  it('opens on the finding recorded so far and the computed amount', () => {
    expect(initialFinding({ status: 'assigned', recoverableFen: 123456 })).toEqual({ finding: null, reason: '', recoverable: '1234.56', files: [] });
    expect(initialFinding({ status: 'explained', recoverableFen: 0 }).finding).toBe('explained');
  });

  it('asks for a finding, a reason unless confirmed, and a valid amount when confirmed', () => {
    expect(checkFinding(values({ finding: null }))).toEqual({ finding: 'findingRequired' });
    expect(checkFinding(values({}))).toEqual({});
    expect(checkFinding(values({ finding: 'explained', reason: '  ' }))).toEqual({ reason: 'reasonRequired' });
    expect(checkFinding(values({ finding: 'data_error', reason: '身份证号录入错误', recoverable: 'x' }))).toEqual({});
    expect(checkFinding(values({ recoverable: '12.345' }))).toEqual({ recoverable: 'amountInvalid' });
    expect(checkFinding(values({ files: [file(MAX_ATTACHMENT_BYTES + 1)] }))).toEqual({ files: 'tooLarge' });
  });

  it('sends an amount only for a confirmation that changes it', () => {
    expect(recoverableToSend(values({ recoverable: '650.00' }), 65000)).toBeUndefined();
    expect(recoverableToSend(values({ recoverable: '1,300' }), 65000)).toBe(130000);
    expect(recoverableToSend(values({ finding: 'explained', recoverable: '1' }), 65000)).toBeUndefined();
  });
});
