/** Words for the campaign's states and roles, shared by Start, Campaigns and Scoring. */
import type { Assessor } from '../../lib/bindings/Assessor';
import type { AssessorRole } from '../../lib/bindings/AssessorRole';
import type { CampaignState } from '../../lib/bindings/CampaignState';
import type { Exercise } from '../../lib/bindings/Exercise';
import type { Panel } from '../../lib/bindings/Panel';
import type { Wire } from '../../lib/wire';

const states: Record<CampaignState, string> = {
  setup: 'Setting up',
  scoring: 'Scoring',
  moderation: 'Moderation',
  signed_off: 'Signed off',
};

const roles: Record<AssessorRole, string> = {
  member: 'panel member',
  chair: 'panel chair',
  moderator: 'moderator',
};

export function stateLabel(state: CampaignState): string {
  return states[state];
}

export function roleLabel(role: AssessorRole): string {
  return roles[role];
}

export function panelName(panels: readonly Wire<Panel>[], id: number | null): string | null {
  if (id === null) return null;
  return panels.find((p) => p.id === id)?.name ?? `panel ${id}`;
}

/** "Alex Chair — panel chair, Panel A" / "Mo Moderator — moderator". */
export function describePerson(person: Wire<Assessor>, panels: readonly Wire<Panel>[]): string {
  const panel = panelName(panels, person.panel_id);
  return `${person.name} — ${roleLabel(person.role)}${panel ? `, ${panel}` : ''}`;
}

/**
 * A login to suggest for a person's name: accents dropped, lowercase, every run of anything
 * else one '.' ("Zoë O'Neil" → "zoe.o.neil"). Only a suggestion: the core checks the login.
 */
export function suggestLogin(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const login = words.join('.');
  return /^[0-9]/.test(login) ? `u.${login}` : login;
}

/** The exercise an assessor scores: its name, "all exercises" when they are not limited to one. */
export function exerciseLabel(exercises: readonly Pick<Exercise, 'key' | 'name'>[], key: string | null): string {
  if (key === null) return 'all exercises';
  return exercises.find((e) => e.key === key)?.name ?? `exercise ${key}`;
}
