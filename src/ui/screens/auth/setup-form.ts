import type { TFunction } from 'i18next';
import { USERNAME_PATTERN } from '../../../shared/api/auth';
import { checkNewPassword } from '../../components/PasswordField';

export interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  orgCode: string;
  orgName: string;
  demo: boolean;
}

export type SetupErrors = Partial<Record<keyof SetupValues, string>>;

export const SETUP_DEFAULTS: SetupValues = {
  username: 'admin',
  displayName: '',
  password: '',
  confirm: '',
  orgCode: '530700',
  orgName: '丽江市',
  demo: false,
};

/**
 * What the user can fix before asking the core: the shapes the contract accepts and the two
 * passwords agreeing. The password rules themselves are the core's to judge.
 */
export function validateSetup(t: TFunction, v: SetupValues): SetupErrors {
  const errors: SetupErrors = {};
  if (!USERNAME_PATTERN.test(v.username.trim())) errors.username = t('ui.account.usernameInvalid');
  if (!v.displayName.trim()) errors.displayName = t('ui.account.displayNameRequired');
  Object.assign(errors, checkNewPassword(t, v.password, v.confirm));
  if (!/^\d{6}$/.test(v.orgCode.trim())) errors.orgCode = t('ui.setup.orgCodeInvalid');
  if (!v.orgName.trim()) errors.orgName = t('ui.setup.orgNameRequired');
  return errors;
}
