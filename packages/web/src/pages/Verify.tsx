/** The public verifier: paste, upload or link any Open Badges credential and see every check. */
import { Alert, Button, FileInput, Group, Paper, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Problem, VerificationReport } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { PageTitle } from '../components/PageTitle';
import { StepList, VERDICT, VerdictAlert, credentialContentType } from '../components/VerificationReport';
import { API_BASE, ApiError, errorMessage } from '../lib/api';
import type { VerificationReport as Report } from '../lib/types';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** POST the credential to the verifier; the answer is parsed with the shared contract, never trusted as it is. */
async function send(body: BodyInit, contentType: string): Promise<Report> {
  const res = await fetch(`${API_BASE}/verify`, { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json' }, body, credentials: 'omit' });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = Problem.safeParse(json);
    throw new ApiError(problem.success ? problem.data : { type: 'about:blank', title: 'Verification failed', status: res.status, code: 'http_error', detail: `The server answered ${res.status}.` });
  }
  const report = VerificationReport.safeParse(json);
  if (!report.success) throw new ApiError({ type: 'about:blank', title: 'Verification failed', status: res.status, code: 'bad_response', detail: 'The verifier’s answer could not be read. Try again later.' });
  return report.data;
}

function Claims({ report }: { report: Report }) {
  const c = report.credential;
  if (!c) return null;
  const subject = rec(first(c['credentialSubject']));
  const achievement = rec(subject['achievement']);
  const issuer = rec(c['issuer']);
  // An Open Badges 2.0 assertion names its badge class (embedded or by URL) and a recipient object instead.
  const badge = rec(c['badge']);
  const recipient = rec(c['recipient']);
  const rows: Array<[string, unknown]> = [
    ['Achievement', achievement['name'] ?? c['name'] ?? badge['name'] ?? (typeof c['badge'] === 'string' ? c['badge'] : undefined)],
    ['Issuer', issuer['name'] ?? (typeof c['issuer'] === 'string' ? c['issuer'] : issuer['id']) ?? rec(badge['issuer'])['name']],
    ['Recipient', subject['name'] ?? subject['id'] ?? (subject['identifier'] || recipient['hashed'] === true ? 'Identified by a hashed identifier' : recipient['identity'])],
    ['Valid from', c['validFrom'] ?? c['issuanceDate'] ?? c['issuedOn']],
    ['Valid until', c['validUntil'] ?? c['expirationDate'] ?? c['expires'] ?? 'No expiry'],
    ['Format', report.format],
  ];
  const confirmed = report.verdict === 'valid';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="claims-heading">
      <Title order={2} size="h4" mb="sm" id="claims-heading">
        {confirmed ? 'What the credential claims' : 'What the credential claims (not confirmed)'}
      </Title>
      {confirmed ? null : (
        <Alert color={VERDICT[report.verdict].color} variant="light" mb="sm" role="note" title="These claims are not confirmed">
          <Text size="sm">
            {report.verdict === 'invalid'
              ? 'The credential did not verify, so nothing below is confirmed by its issuer. Do not rely on it.'
              : 'The credential could not be fully verified, so nothing below is confirmed yet. Do not rely on it until every check passes.'}
          </Text>
        </Alert>
      )}
      <dl className="claims">
        {rows
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{String(v)}</dd>
            </div>
          ))}
      </dl>
      {rec(achievement['criteria'])['narrative'] ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {String(rec(achievement['criteria'])['narrative'])}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The verifier screen (no account needed). */
export function VerifyPage() {
  const [tab, setTab] = useState<string | null>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      if (tab === 'paste') {
        if (!text.trim()) throw new Error('Paste a credential first');
        setReport(await send(text, text.trim().startsWith('{') ? 'application/json' : 'text/plain'));
      } else if (tab === 'upload') {
        if (!file) throw new Error('Choose a file first');
        const bytes = new Uint8Array(await file.arrayBuffer());
        setReport(await send(bytes, credentialContentType(file, bytes)));
      } else {
        if (!url.trim()) throw new Error('Enter a URL first');
        setReport(await send(JSON.stringify({ url: url.trim() }), 'application/json'));
      }
    } catch (err) {
      setError(errorMessage(err));
    }
    setBusy(false);
  };

  return (
    <>
      <PageTitle title="Verify a credential">Verify a credential</PageTitle>
      <Text mb="md">Check any Open Badges 3.0, CLR 2.0 or Open Badges 2.0 credential — from Tessera or any other issuer. Nothing you check is stored.</Text>
      <form onSubmit={(e) => void run(e)} aria-label="Credential to verify">
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="paste">Paste JSON or JWT</Tabs.Tab>
            <Tabs.Tab value="upload">Upload a file</Tabs.Tab>
            <Tabs.Tab value="url">From a link</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="paste" pt="md">
            <Textarea label="Credential (JSON or compact JWT)" autosize minRows={8} maxRows={20} value={text} onChange={(e) => setText(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} />
          </Tabs.Panel>
          <Tabs.Panel value="upload" pt="md">
            <FileInput label="Credential file" description="JSON, JWT, or a baked PNG or SVG badge image (up to 10 MB)" placeholder="Choose a file" accept=".json,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml" value={file} onChange={setFile} />
          </Tabs.Panel>
          <Tabs.Panel value="url" pt="md">
            <TextInput label="Credential URL" type="url" placeholder="https://…/credentials/…" value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
          </Tabs.Panel>
        </Tabs>
        <Group mt="md">
          <Button type="submit" loading={busy}>
            Verify
          </Button>
        </Group>
      </form>
      {error ? (
        <Alert color="red.9" variant="outline" mt="md" role="alert" title="Could not verify">
          {error}
        </Alert>
      ) : null}
      {report ? (
        <Stack gap="md" mt="lg" aria-live="polite">
          <VerdictAlert verdict={report.verdict} steps={report.steps} />
          <Claims report={report} />
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              Checks
            </Title>
            <StepList steps={report.steps} />
          </Paper>
        </Stack>
      ) : null}
    </>
  );
}
