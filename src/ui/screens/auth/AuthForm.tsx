import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  onSubmit: () => Promise<void>;
  /** the core's refusal that belongs to no single field */
  failure: string | null;
  failureTestId?: string;
  submitLabel: string;
  submitIcon?: ReactNode;
  busy: boolean;
  /** under the submit button: a link to another screen, a hint while busy */
  footer?: ReactNode;
  /** the fields, between the failure and the submit button */
  children: ReactNode;
}

/** The form inside the screens before the application: failure, fields, submit, footer. */
export function AuthForm({ onSubmit, failure, failureTestId, submitLabel, submitIcon, busy, footer, children }: Props) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <Stack gap="sm">
        {failure && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid={failureTestId}>
            {failure}
          </Alert>
        )}
        {children}
        <Button type="submit" loading={busy} leftSection={submitIcon} mt="xs">
          {submitLabel}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}

/** A link-styled button under an auth form that goes to another of these screens. */
export function AuthLink({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={onClick} ta="center">
      {children}
    </Anchor>
  );
}
