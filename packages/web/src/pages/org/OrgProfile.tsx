/** An organisation's OB 3.0 profile: view for members, edit for owners. */
import { Anchor, Button, Code, ColorInput, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { LIMITS, OrgWithRole as OrgWithRoleContract, UpdateOrgInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/states';
import { blankToNull, useFormState, validate } from '../../lib/forms';
import { formatDateTime, safeHref } from '../../lib/links';
import { useOrg } from './OrgLayout';
import { apiCall } from '../../lib/query';
import type { OrgWithRole } from '../../lib/types';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={200}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function NotSet() {
  return <Text c="dimmed">Not set</Text>;
}

function formatAddress(org: OrgWithRole): string | null {
  const a = org.address;
  if (!a) return null;
  const parts = [a.streetAddress, a.addressLocality, a.addressRegion, a.postalCode, a.addressCountry].filter((p): p is string =>
    Boolean(p),
  );
  return parts.length > 0 ? parts.join(', ') : null;
}

function ProfileView({ org }: { org: OrgWithRole }) {
  const url = safeHref(org.url);
  const image = safeHref(org.image);
  const address = formatAddress(org);
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        <Field label="Name">{org.name}</Field>
        <Field label="Slug">
          <Code>{org.slug}</Code>
        </Field>
        <Field label="Website">
          {url ? (
            <Anchor href={url} rel="noopener noreferrer">
              {org.url}
            </Anchor>
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label="Contact email">{org.email ? <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor> : <NotSet />}</Field>
        <Field label="Description">
          {org.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{org.description}</Text> : <NotSet />}
        </Field>
        <Field label="Image">
          {image ? (
            <Anchor href={image} rel="noopener noreferrer">
              {org.image}
            </Anchor>
          ) : (
            <NotSet />
          )}
        </Field>
        <Field label="Address">{address ?? <NotSet />}</Field>
        <Field label="Brand colour">
          <Group gap="xs">
            <span aria-hidden="true" className="swatch" style={{ backgroundColor: org.brandColor }} />
            <Code>{org.brandColor}</Code>
          </Group>
        </Field>
        <Field label="Created">{formatDateTime(org.createdAt)}</Field>
      </Table.Tbody>
    </Table>
  );
}

/** Drop empty address parts so a stored address compares equal to the same address typed in the form. */
function normaliseAddress(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

function ProfileForm({ org, onSaved, onCancel }: { org: OrgWithRole; onSaved: (org: OrgWithRole) => void; onCancel: () => void }) {
  const form = useFormState();
  const [values, setValues] = useState({
    name: org.name,
    url: org.url ?? '',
    email: org.email ?? '',
    description: org.description ?? '',
    image: org.image ?? '',
    brandColor: org.brandColor,
    streetAddress: org.address?.streetAddress ?? '',
    addressLocality: org.address?.addressLocality ?? '',
    addressRegion: org.address?.addressRegion ?? '',
    postalCode: org.address?.postalCode ?? '',
    addressCountry: org.address?.addressCountry ?? '',
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const addressParts = {
      streetAddress: values.streetAddress.trim() || undefined,
      addressLocality: values.addressLocality.trim() || undefined,
      addressRegion: values.addressRegion.trim() || undefined,
      postalCode: values.postalCode.trim() || undefined,
      addressCountry: values.addressCountry.trim() || undefined,
    };
    const hasAddress = Object.values(addressParts).some((v) => v !== undefined);
    const result = validate(UpdateOrgInput, {
      name: values.name,
      url: blankToNull(values.url),
      email: blankToNull(values.email),
      description: blankToNull(values.description),
      image: blankToNull(values.image),
      brandColor: values.brandColor,
      address: hasAddress ? addressParts : null,
    });
    if (!result.ok) return form.setFieldErrors(result.errors);
    // Send only what changed, so the audit log records the fields that were really edited.
    const before: Record<string, unknown> = {
      name: org.name,
      url: org.url,
      email: org.email,
      description: org.description,
      image: org.image,
      brandColor: org.brandColor,
      address: org.address,
    };
    const changes = Object.fromEntries(
      Object.entries(result.data).filter(([key, value]) => JSON.stringify(value ?? null) !== JSON.stringify(normaliseAddress(before[key]))),
    );
    if (Object.keys(changes).length === 0) return onSaved(org);
    await form.run(async () => {
      const updated = await apiCall('PATCH', `/orgs/${encodeURIComponent(org.slug)}`, OrgWithRoleContract, { body: changes });
      onSaved(updated);
    });
  }

  const err = form.fieldErrors;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="edit-profile-heading">
      <Stack>
        <Title order={2} size="h3" id="edit-profile-heading">
          Edit profile
        </Title>
        <ProblemAlert problem={form.problem} />
        <TextInput
          label="Name"
          required
          value={values.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={err.name}
          maxLength={LIMITS.nameMaxLength}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Website" type="url" value={values.url} onChange={(e) => set('url')(e.currentTarget.value)} error={err.url} />
          <TextInput
            label="Contact email"
            type="email"
            value={values.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={err.email}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxLength={4000}
          value={values.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={err.description}
        />
        <TextInput
          label="Image URL"
          description="A square logo, shown on credentials"
          type="url"
          value={values.image}
          onChange={(e) => set('image')(e.currentTarget.value)}
          error={err.image}
        />
        <ColorInput label="Brand colour" format="hex" value={values.brandColor} onChange={set('brandColor')} error={err.brandColor} />
        <fieldset className="fieldset">
          <legend>Address</legend>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Street address"
              value={values.streetAddress}
              onChange={(e) => set('streetAddress')(e.currentTarget.value)}
              error={err['address.streetAddress']}
            />
            <TextInput
              label="City or locality"
              value={values.addressLocality}
              onChange={(e) => set('addressLocality')(e.currentTarget.value)}
              error={err['address.addressLocality']}
            />
            <TextInput
              label="Region"
              value={values.addressRegion}
              onChange={(e) => set('addressRegion')(e.currentTarget.value)}
              error={err['address.addressRegion']}
            />
            <TextInput
              label="Postal code"
              value={values.postalCode}
              onChange={(e) => set('postalCode')(e.currentTarget.value)}
              error={err['address.postalCode']}
            />
            <TextInput
              label="Country"
              value={values.addressCountry}
              onChange={(e) => set('addressCountry')(e.currentTarget.value)}
              error={err['address.addressCountry']}
            />
          </SimpleGrid>
        </fieldset>
        <Group>
          <Button type="submit" loading={form.submitting}>
            Save profile
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organisation profile screen. */
export function OrgProfilePage() {
  const { org, setOrg } = useOrg();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const isOwner = org.role === 'owner';
  const didDoc = `/orgs/${encodeURIComponent(org.slug)}/did.json`;
  const jwks = `/orgs/${encodeURIComponent(org.slug)}/jwks.json`;
  return (
    <>
      <PageTitle
        title={`${org.name} profile`}
        actions={
          isOwner && !editing ? (
            <Button
              variant="default"
              onClick={() => {
                setEditing(true);
                setSaved(false);
              }}
            >
              Edit profile
            </Button>
          ) : null
        }
      >
        Organisation profile
      </PageTitle>
      <Stack gap="lg">
        {saved ? (
          <Text role="status" c="teal.9" fw={500}>
            Profile saved.
          </Text>
        ) : null}
        <Paper withBorder p="lg" radius="md">
          {editing ? (
            <ProfileForm
              org={org}
              onSaved={(updated) => {
                setOrg(updated);
                setEditing(false);
                setSaved(true);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <ProfileView org={org} />
          )}
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h3" mb="sm">
            Decentralised identifier
          </Title>
          <Text mb="xs">Credentials issued by this organisation are signed by keys listed in its DID document.</Text>
          <Code block className="wrap-anywhere">
            {org.did}
          </Code>
          <Group mt="sm" gap="lg">
            <Anchor href={didDoc}>DID document (did.json)</Anchor>
            <Anchor href={jwks}>JSON Web Key Set (jwks.json)</Anchor>
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
