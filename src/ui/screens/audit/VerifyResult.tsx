import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../shared/api/auth';

/** The chain holds (so many entries, and where it resumed after a restore), or the first entry where it does not, and why. */
export function VerifyResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  if (result.ok || !result.firstBroken) {
    return (
      <Alert color="green" icon={<IconCircleCheck />} title={t('ui.audit.verifyOkTitle')} data-testid="audit-verify-ok">
        {t('ui.audit.verifyOk', { count: result.entries })}
        {result.forks > 0 && <Text size="sm" mt={4} data-testid="audit-verify-forks">{t('ui.audit.verifyForks', { count: result.forks })}</Text>}
      </Alert>
    );
  }
  const { seq, reason } = result.firstBroken;
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('ui.audit.verifyBrokenTitle')} role="alert" data-testid="audit-verify-broken">
      {t('ui.audit.verifyBroken', { seq, reason: t(`ui.audit.brokenReason.${reason}`), count: result.entries })}
    </Alert>
  );
}
