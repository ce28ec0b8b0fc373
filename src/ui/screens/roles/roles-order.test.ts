import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/auth';
import { rolesInOrder } from './roles-order';

const role = (code: string, name = code): Role => ({ id: code, code, name, builtin: true, permissions: [] });

describe('roles order', () => {
  it('puts the built-in roles in the contract order, others after them by name', () => {
    const sorted = rolesInOrder([role('auditor'), role('zz', 'B'), role('administrator'), role('yy', 'A'), role('county_officer')]);
    expect(sorted.map((r) => r.code)).toEqual(['administrator', 'county_officer', 'auditor', 'yy', 'zz']);
  });
});
