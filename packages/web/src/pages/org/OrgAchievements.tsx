/** An organisation's micro-credentials: drafts, published and retired. */
import { Anchor, Badge, Button, Group, Image, Table, Text } from '@mantine/core';
import { Achievement, AchievementSummary } from '@tessera/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import type { Problem } from '../../lib/types';
import { useOrg } from './OrgLayout';

const STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'blue.9' },
  published: { label: 'Published', color: 'teal.9' },
  retired: { label: 'Retired', color: 'gray.8' },
};

/** The list of micro-credentials. */
export function OrgAchievementsPage() {
  const { org } = useOrg();
  const path = `/orgs/${encodeURIComponent(org.slug)}/achievements`;
  const list = useApiQuery(path, z.array(AchievementSummary));
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [copying, setCopying] = useState<string | null>(null);
  const canEdit = org.role === 'owner' || org.role === 'designer';
  const duplicate = async (id: string, name: string) => {
    setProblem(null);
    setCopying(id);
    try {
      const copy = await apiCall('POST', `${path}/${encodeURIComponent(id)}/duplicate`, Achievement);
      await invalidateApi(path);
      void navigate(`/orgs/${org.slug}/achievements/${copy.id}`, { state: { duplicatedFrom: name } });
    } catch (error) {
      setProblem(
        error instanceof ApiError ? error.problem : { type: 'about:blank', title: 'Could not duplicate', status: 0, code: 'client_error' },
      );
    } finally {
      setCopying(null);
    }
  };
  const newButton = canEdit ? (
    <Button component={Link} to={`/orgs/${org.slug}/achievements/new`}>
      New micro-credential
    </Button>
  ) : null;
  return (
    <>
      <PageTitle title={`Micro-credentials · ${org.name}`} actions={newButton}>
        Micro-credentials
      </PageTitle>
      <ProblemAlert problem={problem} />
      {list.status === 'loading' ? <LoadingState label="Loading micro-credentials…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <EmptyState title="No micro-credentials yet" action={newButton}>
          Design a micro-credential: the skill, the evidence you need to see, and the rubric assessors score it with.
        </EmptyState>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <DataTable
          caption={`Micro-credentials of ${org.name}`}
          headers={
            canEdit
              ? ['Name', 'Status', 'Version', 'Issued', 'Last change', 'Actions']
              : ['Name', 'Status', 'Version', 'Issued', 'Last change']
          }
          minWidth={canEdit ? 760 : 640}
        >
          {list.data.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Image src={a.imageUrl} alt="" w={32} h={32} fit="contain" />
                  <Anchor component={Link} to={`/orgs/${org.slug}/achievements/${a.id}`}>
                    {a.name}
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS[a.status]?.color ?? 'gray.8'} variant="filled">
                  {STATUS[a.status]?.label ?? a.status}
                </Badge>
                {a.hasUnpublishedChanges && a.status !== 'draft' ? <Text size="xs">unpublished changes</Text> : null}
              </Table.Td>
              <Table.Td>{a.latestVersion ?? '—'}</Table.Td>
              <Table.Td>{a.issuedCount}</Table.Td>
              <Table.Td>{formatDateTime(a.updatedAt)}</Table.Td>
              {canEdit ? (
                <Table.Td>
                  <Button
                    variant="default"
                    size="xs"
                    loading={copying === a.id}
                    onClick={() => void duplicate(a.id, a.name)}
                    aria-label={`Duplicate ${a.name}`}
                  >
                    Duplicate
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
