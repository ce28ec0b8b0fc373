import { ActionIcon, Box, Button, Group, Stack, Text, Tree, useTree, type RenderTreeNodePayload } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFold, IconFoldDown } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultExpanded, expandTo, toTreeData, type UnitIndex } from '../../data/unit-index';
import { navigate } from '../../routing';
import { KindBadge } from './KindBadge';

interface Props {
  index: UnitIndex;
  selectedId: string | null;
}

/** The org tree; clicking a unit selects it (in the hash), the chevron opens or closes it. */
export function UnitTree({ index, selectedId }: Props) {
  const { t } = useTranslation();
  const data = useMemo(() => toTreeData(index), [index]);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const initialised = useRef(false);

  // Open city and counties once the units arrive; later reloads keep what the user opened.
  // The Tree has by then initialised every node as closed, so the defaults must win.
  useEffect(() => {
    if (initialised.current || index.units.length === 0) return;
    initialised.current = true;
    setExpanded((e) => ({ ...e, ...defaultExpanded(index) }));
  }, [index]);

  // a deep link or a unit chosen elsewhere must be visible in the tree
  useEffect(() => {
    if (selectedId && index.byId.has(selectedId)) setExpanded((e) => expandTo(index, selectedId, e));
  }, [index, selectedId]);

  const tree = useTree({
    expandedState: expanded,
    onExpandedStateChange: setExpanded,
    selectedState: selectedId ? [selectedId] : [],
  });

  const renderNode = ({ node, expanded: open, hasChildren, elementProps }: RenderTreeNodePayload) => {
    const unit = index.byId.get(node.value);
    if (!unit) return null;
    return (
      <Group
        gap={6}
        wrap="nowrap"
        py={3}
        pr="xs"
        {...elementProps}
        onClick={(e) => {
          elementProps.onClick(e);
          navigate({ name: 'units', unitId: unit.id });
        }}
        data-testid="unit-node"
        data-unit-name={unit.name}
        data-unit-kind={unit.kind}
        style={{ ...elementProps.style, borderRadius: 4 }}
      >
        {hasChildren ? (
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={t('ui.units.toggle', { name: unit.name })}
            aria-expanded={open}
            onClick={(e) => {
              e.stopPropagation();
              tree.toggleExpanded(unit.id);
            }}
          >
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} />
        )}
        <Text size="sm" truncate="end" style={{ flexGrow: 1, minWidth: 0 }} fw={unit.id === selectedId ? 600 : undefined}>
          {unit.name}
        </Text>
        <KindBadge kind={unit.kind} />
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} title={t('ui.units.peopleCountHint')}>
          {t('ui.units.peopleCount', { n: index.totalPeople.get(unit.id) ?? 0 })}
        </Text>
      </Group>
    );
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="compact-xs" variant="subtle" leftSection={<IconFoldDown size={14} />} onClick={() => tree.expandAllNodes()}>
          {t('ui.units.expandAll')}
        </Button>
        <Button size="compact-xs" variant="subtle" leftSection={<IconFold size={14} />} onClick={() => tree.collapseAllNodes()}>
          {t('ui.units.collapseAll')}
        </Button>
      </Group>
      <Tree
        data={data}
        tree={tree}
        levelOffset="md"
        expandOnClick={false}
        selectOnClick={false}
        renderNode={renderNode}
        aria-label={t('ui.units.title')}
        data-testid="unit-tree"
      />
    </Stack>
  );
}
