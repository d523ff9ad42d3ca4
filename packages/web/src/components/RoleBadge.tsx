/** A membership role as a high-contrast badge. */
import { Badge } from '@mantine/core';
import type { Role } from '../lib/types';

const COLORS: Record<Role, string> = {
  owner: 'indigo.9',
  designer: 'grape.9',
  assessor: 'teal.9',
  viewer: 'gray.8',
};

/** Human label of a role. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  designer: 'Designer',
  assessor: 'Assessor',
  viewer: 'Viewer',
};

/** What each role may do, for the role pickers. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Manages the organisation, members and signing keys',
  designer: 'Authors micro-credentials and stacks',
  assessor: 'Reviews submitted evidence',
  viewer: 'Reads the organisation profile and members',
};

/** Render a role. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={COLORS[role]} variant="filled" radius="sm">
      {ROLE_LABELS[role]}
    </Badge>
  );
}
