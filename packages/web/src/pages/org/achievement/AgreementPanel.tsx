/** The assessor-agreement tab: how often double-scoring assessors agreed, overall and per criterion. */
import { Stack, Table, Text } from '@mantine/core';
import { AgreementStats } from '@tessera/shared';
import { ErrorState, LoadingState } from '../../../components/states';
import { useApiQuery } from '../../../lib/query';

/** Agreement statistics of one micro-credential. */
export function AgreementPanel({ slug, id }: { slug: string; id: string }) {
  const stats = useApiQuery(`/orgs/${encodeURIComponent(slug)}/achievements/${encodeURIComponent(id)}/agreement`, AgreementStats);
  if (stats.status === 'loading') return <LoadingState label="Loading agreement statistics…" />;
  if (stats.status === 'error') return <ErrorState error={stats.error} onRetry={stats.reload} />;
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
  const k = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  return (
    <Stack gap="sm">
      <Text>
        {stats.data.pairs} double-scored submission{stats.data.pairs === 1 ? '' : 's'}. Decision agreement{' '}
        {pct(stats.data.decisionAgreement)}, Cohen’s kappa {k(stats.data.decisionKappa)}.
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder>
          <caption className="visually-hidden">Agreement per criterion</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Criterion</Table.Th>
              <Table.Th scope="col">Pairs</Table.Th>
              <Table.Th scope="col">Exact agreement</Table.Th>
              <Table.Th scope="col">Cohen’s kappa</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.data.criteria.map((c) => (
              <Table.Tr key={c.criterionId}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.pairs}</Table.Td>
                <Table.Td>{pct(c.exactAgreement)}</Table.Td>
                <Table.Td>{k(c.kappa)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
