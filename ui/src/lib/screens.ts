import type { DatabaseInfo } from './bindings/DatabaseInfo';

/** The app's screens, in navigation order. */
export const screens = [
  { id: 'start', label: 'Start', needsDatabase: false },
  { id: 'roles', label: 'Roles', needsDatabase: true },
  { id: 'scorecard', label: 'Scorecards', needsDatabase: true },
  { id: 'campaign', label: 'Campaigns', needsDatabase: true },
  { id: 'scoring', label: 'Scoring', needsDatabase: true },
  { id: 'moderation', label: 'Moderation', needsDatabase: true },
  { id: 'results', label: 'Results', needsDatabase: true },
  { id: 'export', label: 'Export', needsDatabase: true },
  { id: 'audit', label: 'Audit log', needsDatabase: true },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

/** How the open database is named in the header: a file's name, or where the server is. */
export function databaseLabel(database: DatabaseInfo): string {
  return database.kind === 'server' ? (database.server ?? database.path) : fileName(database.path);
}

/** The last part of a path, for showing a database by its file name. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts.length > 0 ? parts[parts.length - 1] : path;
}
