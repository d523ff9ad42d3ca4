/** Create an organisation; the creator becomes its owner. */
import { Button, Group, Paper, Stack, TextInput, Textarea } from '@mantine/core';
import { CreateOrgInput, LIMITS, OrgWithRole as OrgWithRoleContract } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/states';
import { blankToNull, useFormState, validate } from '../lib/forms';
import { useSession } from '../lib/session';
import { apiCall } from '../lib/query';

/** A slug suggestion from a name: lowercase ASCII letters, digits and single dashes. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slugMaxLength)
    .replace(/-+$/g, '');
}

/** The create-organisation screen. */
export function NewOrgPage() {
  const navigate = useNavigate();
  const { refresh } = useSession();
  const form = useFormState();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [description, setDescription] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(CreateOrgInput, {
      name,
      slug,
      url: blankToNull(url),
      email: blankToNull(email),
      description: blankToNull(description),
    });
    if (!result.ok) return form.setFieldErrors(result.errors);
    await form.run(async () => {
      const org = await apiCall('POST', '/orgs', OrgWithRoleContract, { body: result.data });
      await refresh();
      void navigate(`/orgs/${org.slug}`);
    });
  }

  return (
    <>
      <PageTitle title="Create organisation">Create an organisation</PageTitle>
      <Paper withBorder p="lg" radius="md" maw={640}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <ProblemAlert problem={form.problem} />
            <TextInput
              label="Name"
              description="Shown on every credential you issue"
              required
              value={name}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setName(value);
                if (!slugEdited) setSlug(slugify(value));
              }}
              error={form.fieldErrors.name}
              maxLength={LIMITS.nameMaxLength}
            />
            <TextInput
              label="Short name (slug)"
              description="Lowercase letters, digits and dashes; used in links and in your did:web identifier. It cannot be changed later."
              required
              value={slug}
              onChange={(e) => {
                setSlug(e.currentTarget.value);
                setSlugEdited(true);
              }}
              error={form.fieldErrors.slug}
              maxLength={LIMITS.slugMaxLength}
            />
            <TextInput
              label="Website"
              type="url"
              placeholder="https://example.org"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={form.fieldErrors.url}
            />
            <TextInput
              label="Contact email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.fieldErrors.email}
            />
            <Textarea
              label="Description"
              autosize
              minRows={3}
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={form.fieldErrors.description}
            />
            <Group>
              <Button type="submit" loading={form.submitting}>
                Create organisation
              </Button>
              <Button component={Link} to="/" variant="default">
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
