/** A consenting learner's profile as an organisation's owner sees it, with the contact form and earlier requests. */
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { TalentProfile } from '@tessera/shared';
import {
  TALENT_LIMITS,
  TalentContact as TalentContactContract,
  TalentContactInput,
  TalentProfile as TalentProfileContract,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ErrorState, LoadingState, ProblemAlert } from '../../../components/states';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import { useFormState, validate } from '../../../lib/forms';
import { formatDateTime, safeHref } from '../../../lib/links';
import { apiCall, invalidateApi } from '../../../lib/query';
import { useApiQuery } from '../../../lib/query';
import { EvidenceTrail, LevelBadge } from '../../learn/SkillEvidence';
import { useOrg } from '../OrgLayout';
import { RequiredSkills } from './TalentResults';

/** Write to the person (one waiting request at a time). */
function ContactForm({ slug, profile, onSent }: { slug: string; profile: TalentProfile; onSent: () => void }) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const form = useFormState();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(TalentContactInput, { subject, body });
    if (!checked.ok) return form.setFieldErrors(checked.errors);
    void form.run(async () => {
      await apiCall(
        'POST',
        `/orgs/${encodeURIComponent(slug)}/talent/people/${encodeURIComponent(profile.id)}/contacts`,
        TalentContactContract,
        {
          body: checked.data,
        },
      );
      await invalidateApi(`/orgs/${slug}/talent`);
      onSent();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="contact-heading">
      <Stack gap="sm">
        <TextInput
          label="Subject"
          required
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          maxLength={TALENT_LIMITS.subject}
          error={form.fieldErrors['subject']}
        />
        <Textarea
          label="Message"
          description={`Plain text, up to ${TALENT_LIMITS.body} characters. ${profile.displayName} sees it in Tessera and chooses whether to answer.`}
          required
          autosize
          minRows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          maxLength={TALENT_LIMITS.body}
          error={form.fieldErrors['body']}
        />
        <ProblemAlert problem={form.problem} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The profile screen. */
export function TalentProfilePage() {
  const { org } = useOrg();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const searchId = params.get('search');
  const path = `/orgs/${encodeURIComponent(org.slug)}/talent/people/${encodeURIComponent(id)}${searchId ? `?search=${encodeURIComponent(searchId)}` : ''}`;
  const profile = useApiQuery(path, TalentProfileContract);
  if (profile.status === 'loading') return <LoadingState label="Loading the profile…" />;
  if (profile.status === 'error') return <ErrorState error={profile.error} onRetry={profile.reload} />;
  const p = profile.data;
  const pending = p.contacts.some((c) => c.status === 'pending');
  const publicLink = safeHref(p.publicSkillsUrl);
  return (
    <>
      <PageTitle title={p.displayName}>{p.displayName}</PageTitle>
      <Stack gap={2} mb="md">
        {p.headline ? <Text>{p.headline}</Text> : null}
        {p.location ? <Text c="dimmed">{p.location}</Text> : null}
        <Anchor component={Link} to={`/orgs/${encodeURIComponent(org.slug)}/talent`} size="sm">
          Back to talent search
        </Anchor>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          {p.match ? (
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="match-heading">
              <Title order={2} size="h4" id="match-heading" mb="xs">
                Against your search
              </Title>
              <Text size="sm" mb="xs">
                {p.match.summary}
              </Text>
              <RequiredSkills skills={p.match.skills} idPrefix="match" />
            </Card>
          ) : null}
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="skills-heading">
            <Title order={2} size="h4" id="skills-heading" mb="xs">
              Verified skills
            </Title>
            {p.skills === null ? (
              <Text size="sm">{p.displayName} does not show their full skill list.</Text>
            ) : p.skills.length === 0 ? (
              <Text size="sm">No verified skills.</Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {p.skills.map((s, i) => (
                  <li key={s.url}>
                    <Group gap="xs">
                      <Text fw={600} size="sm" id={`skill-${i}`}>
                        {s.name}
                      </Text>
                      <LevelBadge level={s.level} />
                    </Group>
                    <EvidenceTrail evidence={s.evidence} labelledBy={`skill-${i}`} />
                  </li>
                ))}
              </Stack>
            )}
            {publicLink ? (
              <Anchor href={publicLink} target="_blank" rel="noopener noreferrer" size="sm" mt="sm" display="block">
                Public skills page
              </Anchor>
            ) : null}
          </Card>
          {p.credentials !== null ? (
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="credentials-heading">
              <Title order={2} size="h4" id="credentials-heading" mb="xs">
                Verified credentials
              </Title>
              {p.credentials.length === 0 ? (
                <Text size="sm">None.</Text>
              ) : (
                <List size="sm" spacing={4} aria-labelledby="credentials-heading">
                  {p.credentials.map((c, i) => {
                    const href = safeHref(c.url);
                    return (
                      <List.Item key={`${c.name}-${i}`}>
                        {href ? (
                          <Anchor href={href} target="_blank" rel="noopener noreferrer">
                            {c.name}
                          </Anchor>
                        ) : (
                          c.name
                        )}
                        <Text span size="sm" c="dimmed">
                          {c.issuerName ? ` — ${c.issuerName}` : ''}
                          {c.issuedAt ? `, ${formatDateTime(c.issuedAt)}` : ''}
                        </Text>
                      </List.Item>
                    );
                  })}
                </List>
              )}
            </Card>
          ) : null}
        </Stack>
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="contact-heading" style={{ alignSelf: 'start' }}>
          <Title order={2} size="h4" id="contact-heading" mb="xs">
            Get in touch
          </Title>
          {p.contacts.length ? (
            <Stack gap="xs" mb="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Your earlier requests">
              {p.contacts.map((c) => (
                <li key={c.id}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {c.subject}
                    </Text>
                    <Badge
                      variant="filled"
                      size="sm"
                      color={c.status === 'accepted' ? 'teal.9' : c.status === 'declined' ? 'gray.8' : '#a8410c'}
                      styles={FULL_LABEL_BADGE}
                    >
                      {c.status === 'accepted' ? 'Accepted' : c.status === 'declined' ? 'Declined' : 'Waiting for an answer'}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    Sent {formatDateTime(c.createdAt)}
                  </Text>
                  {c.email ? (
                    <Text size="sm">
                      Email: <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
                    </Text>
                  ) : null}
                  {c.reply ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      Reply: “{c.reply}”
                    </Text>
                  ) : null}
                </li>
              ))}
            </Stack>
          ) : null}
          {pending ? (
            <Text size="sm">Your request is waiting for {p.displayName}’s answer.</Text>
          ) : (
            <ContactForm slug={org.slug} profile={p} onSent={profile.reload} />
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}
