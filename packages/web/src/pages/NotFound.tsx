/** Unknown paths inside the app. */
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { EmptyState } from '../components/states';

/** The not-found screen. */
export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found">Page not found</PageTitle>
      <EmptyState
        title="There is nothing at this address"
        action={
          <Button component={Link} to="/">
            Go to the start page
          </Button>
        }
      >
        The link may be mistyped or out of date.
      </EmptyState>
    </>
  );
}
