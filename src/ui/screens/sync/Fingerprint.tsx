import { Group, Stack, Text } from '@mantine/core';
import { fingerprintLines } from './fingerprint';

/** A fingerprint as 3 lines of 4 groups of 5 digits, large enough to read out over the phone. */
export function Fingerprint({ value, size = 'md', testId = 'fingerprint' }: { value: string; size?: 'xs' | 'sm' | 'md'; testId?: string }) {
  const gap = size === 'md' ? 'md' : 6;
  return (
    <Stack gap={size === 'md' ? 4 : 0} data-testid={testId} aria-label={value}>
      {fingerprintLines(value).map((line, i) => (
        <Group key={i} gap={gap} wrap="nowrap" data-testid="fingerprint-line">
          {line.map((group, j) => (
            <Text key={j} size={size} ff="monospace" fw={size === 'md' ? 600 : 400} data-testid="fingerprint-group" style={{ letterSpacing: size === 'md' ? '0.08em' : undefined }}>
              {group}
            </Text>
          ))}
        </Group>
      ))}
    </Stack>
  );
}
