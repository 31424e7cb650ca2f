import type { Flow } from '@dunning/flow';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Data } from '../../common/Data';
import { placeWords } from './migration-preview';

/** Where an invoice stands, in words: the step's kind as the palette says it, its id (data) beside it; or "before any step". */
export function StepPlace({ nodeId, graph }: { nodeId: string; graph: Flow | undefined }) {
  const { t } = useTranslation();
  const words = placeWords(nodeId, graph, t);
  return (
    <>
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
