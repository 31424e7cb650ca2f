import { Box, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Flow } from '@dunning/flow';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanItem, flowPlan } from './flow-plan';
import { armWords, stepName, timingWords, whatWords } from './plan-words';

/**
 * The flow as a readable plan beside the canvas: "J-5 · E-mail · Pré-relance", branches as indented
 * sub-lists. Computed from the draft on every edit; choosing an action selects its step on the canvas.
 */
export const PlanPanel = memo(function PlanPanel({ flow, selectedId, onSelect }: { flow: Flow; selectedId?: string; onSelect: (nodeId: string) => void }) {
  const { t } = useTranslation();
  const plan = useMemo(() => flowPlan(flow), [flow]);
  return (
    <Stack gap="xs" data-testid="plan-view">
      <Text fw={600} component="h2" size="md" m={0}>
        {t('plan.title')}
      </Text>
      <Text size="sm" c="dark.4">
        {t('plan.help')}
      </Text>
      {plan.length === 0 ? (
        <Text size="sm" c="dark.4">
          {t('plan.empty')}
        </Text>
      ) : (
        <PlanList items={plan} selectedId={selectedId} onSelect={onSelect} label={t('plan.title')} />
      )}
    </Stack>
  );
});

function PlanList({ items, selectedId, onSelect, label }: { items: PlanItem[]; selectedId?: string; onSelect: (nodeId: string) => void; label?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Box component="ol" aria-label={label} m={0} pl={label ? 0 : 'md'} style={{ listStyle: 'none' }}>
      {items.map((item, index) => {
        switch (item.type) {
          case 'action': {
            const what = whatWords(item.node, t);
            const selected = item.node.id === selectedId;
            return (
              <Box component="li" key={item.node.id} mb={4}>
                <UnstyledButton
                  onClick={() => onSelect(item.node.id)}
                  aria-pressed={selected}
                  data-testid="plan-entry"
                  data-node-id={item.node.id}
                  px={6}
                  py={2}
                  w="100%"
                  style={{ borderRadius: 4, background: selected ? 'var(--mantine-color-indigo-0)' : undefined, outlineOffset: 1 }}
                >
                  <Text size="sm" span fw={700}>
                    {timingWords(item.timing, t)}
                  </Text>
                  <Text size="sm" span>
                    {' · '}
                    {t(`nodes.${item.node.kind}`)}
                    {what ? ` · ${what}` : ''}
                  </Text>
                </UnstyledButton>
              </Box>
            );
          }
          case 'jump':
            return (
              <Box component="li" key={`jump-${index}`} mb={4}>
                <UnstyledButton onClick={() => onSelect(item.node.id)} px={6} py={2} data-testid="plan-jump" data-node-id={item.node.id}>
                  <Text size="sm" fs="italic">
                    {t('plan.jump', { step: stepName(item.node, t) })}
                  </Text>
                </UnstyledButton>
              </Box>
            );
          case 'fork':
            return item.arms.map((arm, armIndex) => (
              <Box component="li" key={`${item.node.id}-${armIndex}`} mb={4} data-testid="plan-arm">
                <Text size="sm" fw={600} c="indigo.9" px={6}>
                  {armWords(item.node, arm, t, i18n.language)}
                </Text>
                {arm.items.length > 0 ? (
                  <Box style={{ borderLeft: '2px solid var(--mantine-color-indigo-2)' }} ml={8}>
                    <PlanList items={arm.items} selectedId={selectedId} onSelect={onSelect} />
                  </Box>
                ) : (
                  <Text size="sm" c="dark.4" pl="lg">
                    {t('plan.ends')}
                  </Text>
                )}
              </Box>
            ));
        }
      })}
    </Box>
  );
}
