import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useUnits } from '../../../data/units-context';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (unitId: string | null) => void;
};

/** A choice among the county units in the user's scope: hits go to a county for verification. */
export function CountySelect({ value, onChange, ...props }: Props) {
  const { index } = useUnits();
  const data = useMemo(() => index.units.filter((u) => u.kind === 'county').map((u) => ({ value: u.id, label: u.name })), [index]);
  return <Select searchable data={data} value={value} onChange={(next) => onChange(next)} comboboxProps={{ withinPortal: true }} {...props} />;
}
