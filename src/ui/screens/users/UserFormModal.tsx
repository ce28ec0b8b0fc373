import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { UserRow } from '../../../shared/api/auth';
import { call } from '../../bridge/client';
import { FormModal, type FormModalControl } from '../../components/FormModal';
import { NewPasswordField } from '../../components/PasswordField';
import { USERNAME_PATTERN } from '../../../shared/api/auth';
import { UnitSelect } from '../../components/UnitSelect';
import { asWireError, describeError, notifyError, notifySuccess } from '../../errors';
import { useModalFormValues, type FormErrors } from '../../components/use-form-values';
import { useRoleOptions } from './use-roles';

interface Values {
  username: string;
  displayName: string;
  unitId: string | null;
  roleId: string | null;
  password: string;
}

const initial = (user: UserRow | null): Values => ({
  username: user?.username ?? '',
  displayName: user?.displayName ?? '',
  unitId: user?.unitId ?? null,
  roleId: user?.roleId ?? null,
  password: '',
});

interface Props extends FormModalControl {
  /** null: a new account */
  user: UserRow | null;
  onSaved: () => void;
}

/**
 * A new account (username, name, unit, role, first password), or an existing one's name, unit
 * and role. The unit decides what the account sees; the username never changes.
 */
export function UserFormModal({ opened, onClose, user, onSaved }: Props) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const { values, errors, setErrors, set, accept } = useModalFormValues(opened, user, initial);

  function check(): boolean {
    const found: FormErrors<Values> = {};
    if (!user && !USERNAME_PATTERN.test(values.username.trim())) found.username = t('ui.account.usernameInvalid');
    if (!values.displayName.trim()) found.displayName = t('ui.account.displayNameRequired');
    if (!values.unitId) found.unitId = t('ui.users.form.unitRequired');
    if (!values.roleId) found.roleId = t('ui.users.form.roleRequired');
    if (!user && !values.password) found.password = t('ui.password.required');
    return accept(found);
  }

  async function submit() {
    try {
      if (user) {
        await call(api.users.update, { id: user.id, displayName: values.displayName.trim(), unitId: values.unitId!, roleId: values.roleId! });
        notifySuccess(t('ui.common.saved'));
      } else {
        const created = await call(api.users.create, {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          unitId: values.unitId!,
          roleId: values.roleId!,
          password: values.password,
        });
        notifySuccess(t('ui.users.created', { username: created.username }));
      }
      onSaved();
      onClose();
    } catch (error) {
      const wire = asWireError(error);
      if (wire.code === 'USERNAME_TAKEN') setErrors({ username: describeError(t, wire) });
      else if (wire.code === 'PASSWORD_WEAK') setErrors({ password: describeError(t, wire) });
      else if (wire.code === 'OUT_OF_SCOPE' || wire.code === 'UNIT_NOT_FOUND') setErrors({ unitId: describeError(t, wire) });
      else if (wire.code === 'ROLE_NOT_FOUND') setErrors({ roleId: describeError(t, wire) });
      else notifyError(t, wire);
    }
  }

  const title = user ? t('ui.users.form.editTitle', { username: user.username }) : t('ui.users.form.createTitle');
  return (
    <FormModal opened={opened} onClose={onClose} title={title} size="lg" testId="user-form" validate={check} onSubmit={submit}>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('ui.account.username')}
          description={user ? undefined : t('ui.account.usernameHint')}
          required={!user}
          disabled={Boolean(user)}
          autoComplete="off"
          value={values.username}
          error={errors.username}
          onChange={(e) => set('username', e.currentTarget.value)}
          data-autofocus={user ? undefined : true}
        />
        <TextInput
          label={t('ui.account.displayName')}
          description={user ? undefined : t('ui.account.displayNameHint')}
          required
          value={values.displayName}
          error={errors.displayName}
          onChange={(e) => set('displayName', e.currentTarget.value)}
        />
      </SimpleGrid>
      <UnitSelect
        label={t('ui.users.form.unit')}
        description={t('ui.users.form.unitHint')}
        placeholder={t('ui.personForm.unitPlaceholder')}
        required
        value={values.unitId}
        error={errors.unitId}
        onChange={(v) => set('unitId', v)}
        data-testid="user-unit"
      />
      <Select
        label={t('ui.users.form.role')}
        required
        data={roles.options}
        value={values.roleId}
        error={errors.roleId ?? (roles.error ? describeError(t, roles.error) : undefined)}
        onChange={(v) => set('roleId', v)}
        comboboxProps={{ withinPortal: true }}
        data-testid="user-role"
      />
      {!user && (
        <NewPasswordField
          label={t('ui.users.form.password')}
          description={t('ui.users.form.passwordHint')}
          required
          value={values.password}
          error={errors.password}
          onChange={(v) => set('password', v)}
          username={values.username}
        />
      )}
    </FormModal>
  );
}
