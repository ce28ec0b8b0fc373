import { Alert, Anchor, Text, Textarea } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { CaseDetail, DuplicateMatch } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { FormModal } from '../../../components/FormModal';
import { notifyError } from '../../../errors';
import { routeHref } from '../../../routing';
import { useCan } from '../../../session/use-session';
import { DuplicateList } from '../shared/DuplicateList';
import type { useCaseMutation } from './use-case-mutation';

/** Possible duplicates of a registered clue; merging this clue into one closes it as merged. */
export function DuplicatesCard({ detail, mutate }: { detail: CaseDetail; mutate: ReturnType<typeof useCaseMutation> }) {
  const { t } = useTranslation();
  const can = useCan();
  const [target, setTarget] = useState<DuplicateMatch | null>(null);
  const [reason, setReason] = useState('');
  if (detail.duplicates.length === 0 || detail.mergedInto) return null;
  const mergeable = can('cases.intake') && detail.stage !== 'closed';
  return (
    <Alert color="orange" icon={<IconCopy />} title={t('ui.cases.duplicates.title')}>
      <DuplicateList matches={detail.duplicates} onMerge={mergeable ? setTarget : undefined} mergeLabel={t('ui.cases.duplicates.merge')} />
      <FormModal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={t('ui.cases.duplicates.mergeTitle')}
        testId="merge-form"
        submitLabel={t('ui.cases.duplicates.mergeTitle')}
        onSubmit={async () => {
          if (!target) return;
          const result = await mutate(
            () => call(api.cases.merge, { duplicateId: detail.id, intoId: target.case.id, reason: reason.trim() || null }),
            t('ui.cases.duplicates.merged', { number: target.case.number }),
          );
          if (result.ok || result.error.code === 'CASE_VERSION_CONFLICT') setTarget(null);
          else notifyError(t, result.error);
        }}
      >
        {target && (
          <Text size="sm">
            {t('ui.cases.duplicates.mergeHint', { number: detail.number })}{' '}
            <Anchor href={routeHref({ name: 'case', id: target.case.id })} ff="monospace">
              {target.case.number}
            </Anchor>
          </Text>
        )}
        <Textarea label={t('ui.cases.duplicates.mergeReason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormModal>
    </Alert>
  );
}
