/** "Next submission": ask the server to claim the next waiting submission for me, then open it. */
import { NextSubmission } from '@tessera/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import { apiCall, invalidateApi } from '../../../lib/query';
import type { Problem } from '../../../lib/types';

/** State and action of the "next submission" button. */
export interface NextSubmissionAction {
  go: () => Promise<void>;
  busy: boolean;
  /** True once the server answered that nothing is waiting for me. */
  empty: boolean;
  problem: Problem | null;
}

/** Claim and open the next submission of the organisation's queue (optionally of one micro-credential). */
export function useNextSubmission(orgSlug: string, achievementId?: string): NextSubmissionAction {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const go = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const slug = encodeURIComponent(orgSlug);
      const next = await apiCall('POST', `/orgs/${slug}/queue/next`, NextSubmission, { body: achievementId ? { achievementId } : {} });
      await invalidateApi(`/orgs/${slug}/queue`);
      if (next.submissionId) {
        setEmpty(false);
        navigate(`/orgs/${orgSlug}/submissions/${next.submissionId}`);
      } else {
        setEmpty(true);
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.problem);
    } finally {
      setBusy(false);
    }
  };
  return { go, busy, empty, problem };
}
