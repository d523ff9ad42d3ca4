/** The public verifier: paste, upload or link any Open Badges credential and see every check. */
import { Alert, Button, FileInput, Group, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { VerificationReport } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { PageTitle } from '../components/PageTitle';
import { VerificationResult, credentialContentType } from '../components/VerificationReport';
import { errorMessage, postRaw } from '../lib/api';
import { parseResponse } from '../lib/query';
import type { VerificationReport as Report } from '../lib/types';

/** POST the credential to the verifier; the answer is parsed with the shared contract, never trusted as it is. */
async function send(body: Uint8Array | string, contentType: string): Promise<Report> {
  return parseResponse(VerificationReport, await postRaw('/verify', body, contentType), '/verify');
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
      <Text mb="md">
        Check any Open Badges 3.0, CLR 2.0 or Open Badges 2.0 credential — from Tessera or any other issuer. Nothing you check is stored.
      </Text>
      <form onSubmit={(e) => void run(e)} aria-label="Credential to verify">
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="paste">Paste JSON or JWT</Tabs.Tab>
            <Tabs.Tab value="upload">Upload a file</Tabs.Tab>
            <Tabs.Tab value="url">From a link</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="paste" pt="md">
            <Textarea
              label="Credential (JSON or compact JWT)"
              autosize
              minRows={8}
              maxRows={20}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="upload" pt="md">
            <FileInput
              label="Credential file"
              description="JSON, JWT, or a baked PNG or SVG badge image (up to 10 MB)"
              placeholder="Choose a file"
              accept=".json,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml"
              value={file}
              onChange={setFile}
            />
          </Tabs.Panel>
          <Tabs.Panel value="url" pt="md">
            <TextInput
              label="Credential URL"
              type="url"
              placeholder="https://…/credentials/…"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
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
        <div style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
          <VerificationResult report={report} />
        </div>
      ) : null}
    </>
  );
}
