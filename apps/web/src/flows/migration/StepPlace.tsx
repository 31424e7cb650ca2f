import type { Flow } from '@dunning/flow';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Data } from '../../common/Data';
import { placeWords } from './migration-preview';

/**
 * Where an invoice stands, in words: the step's kind as the palette says it, its id (data) beside it;
 * or "before any step". `before`: it has not had that step yet (the first after a removed one).
 */
export function StepPlace({ nodeId, graph, place = 'after' }: { nodeId: string; graph: Flow | undefined; place?: 'after' | 'before' }) {
  const { t } = useTranslation();
  const words = placeWords(nodeId, graph, t);
  return (
    <>
      {place === 'before' && `${t('flowMigration.before')} `}
      {words.kind}
      {words.id && (
        <>
          {' '}
          <Text span size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <Data>{words.id}</Data>
          </Text>
        </>
      )}
    </>
  );
}
