import { Data } from '../common/Data';
import type { StoryPart } from './timeline-words';

/** A story line's parts joined by " · ", data marked as data. */
export function StoryText({ parts }: { parts: StoryPart[] }) {
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {part.data ? <Data>{part.text}</Data> : part.text}
        </span>
      ))}
    </>
  );
}
