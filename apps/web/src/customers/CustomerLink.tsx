import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from 'react-router-dom';

/** A customer's name as a link to its page (/customers/:id): used wherever a customer is named. */
export function CustomerLink({ id, name, ...props }: { id: string; name: string } & AnchorProps & { 'data-testid'?: string }) {
  return (
    <Anchor component={Link} to={`/customers/${id}`} {...props}>
      {name}
    </Anchor>
  );
}
