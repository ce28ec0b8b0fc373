import type { RoleCode } from '../../shared/api/permissions';

/**
 * The demo database's accounts, one per kind of user, all with the same published password:
 * demo data only, never a real deployment.
 */
export const DEMO_PASSWORD = 'lijiang-demo-2026';

export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; roleCode: RoleCode; unitCode: string }[] = [
  { username: 'admin', displayName: '系统管理员', roleCode: 'administrator', unitCode: '530700' },
  { username: 'leader', displayName: '和正华', roleCode: 'commission_leader', unitCode: '530700' },
  { username: 'casemgmt', displayName: '木雪梅', roleCode: 'case_management', unitCode: '530700' },
  { username: 'analyst', displayName: '杨晓东', roleCode: 'data_analyst', unitCode: '530700' },
  { username: 'auditor', displayName: '赵文静', roleCode: 'auditor', unitCode: '530700' },
  { username: 'oversight', displayName: '李建新', roleCode: 'cadre_oversight', unitCode: '530700' },
  { username: 'yulong', displayName: '和丽萍', roleCode: 'county_officer', unitCode: '530721' },
  { username: 'ninglang', displayName: '沙马阿呷', roleCode: 'county_officer', unitCode: '530724' },
];
