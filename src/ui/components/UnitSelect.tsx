import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useUnits } from '../data/units-context';
import { unitLabel } from '../data/unit-index';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (unitId: string | null) => void;
};

/** A searchable choice among all units, labelled by path so that same-named villages differ. */
export function UnitSelect({ value, onChange, ...props }: Props) {
  const { index } = useUnits();
  const data = useMemo(
    () => index.units.map((unit) => ({ value: unit.id, label: unitLabel(index, unit.id) })),
    [index],
  );
  return (
    <Select
      searchable
      clearable
      limit={100}
      data={data}
      value={value}
      onChange={(next) => onChange(next)}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
