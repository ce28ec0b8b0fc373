import { Alert, Anchor } from '@mantine/core';
import { IconHash } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/cases';
import { routeHref } from '../../../routing';

/** Where the links go in the translated sentence (a character no translation contains). */
const SLOT = '\u0000';

/**
 * Two offices gave this number to two cases while apart: says so until the unit's numbering
 * office has renumbered one, each other case's number a link to it.
 */
export function SharedNumberAlert({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.sharedNumber.length === 0) return null;
  const [before, after = ''] = t('ui.cases.detail.sharedNumber', { numbers: SLOT }).split(SLOT);
  return (
    <Alert color="yellow" icon={<IconHash />} data-testid="shared-number">
      {before}
      {detail.sharedNumber.map((other, i) => (
        <Fragment key={other.id}>
          {i > 0 && '、'}
          <Anchor href={routeHref({ name: 'case', id: other.id })} ff="monospace">
            {other.number}
          </Anchor>
        </Fragment>
      ))}
      {after}
    </Alert>
  );
}
