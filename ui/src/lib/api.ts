/**
 * The one typed door to the Rust shell. Every `invoke` goes through `call`, which turns a
 * rejection into an `AppError` with a stable `code` and a readable `message`.
 */
import { Channel, invoke as tauriInvoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { ChangesSince } from './bindings/ChangesSince';
import type { AuditEvent } from './bindings/AuditEvent';
import type { BoardFilter } from './bindings/BoardFilter';
import type { BoardSummary } from './bindings/BoardSummary';
import type { BoardWindow } from './bindings/BoardWindow';
import type { CandidateFlags } from './bindings/CandidateFlags';
import type { AgreedScore } from './bindings/AgreedScore';
import type { Assessor } from './bindings/Assessor';
import type { AssessorRole } from './bindings/AssessorRole';
import type { Campaign } from './bindings/Campaign';
import type { CampaignStats } from './bindings/CampaignStats';
import type { ResultDetails } from './bindings/ResultDetails';
import type { ResultsList } from './bindings/ResultsList';
import type { ResultsSummary } from './bindings/ResultsSummary';
import type { ResultsWindow } from './bindings/ResultsWindow';
import type { ConflictDeclaration } from './bindings/ConflictDeclaration';
import type { Candidate } from './bindings/Candidate';
import type { Connected } from './bindings/Connected';
import type { Decision } from './bindings/Decision';
import type { JobProgress } from './bindings/JobProgress';
import type { ExportRequest } from './bindings/ExportRequest';
import type { ExportSummary } from './bindings/ExportSummary';
import type { FlagSettings } from './bindings/FlagSettings';
import type { JobDescriptionImport } from './bindings/JobDescriptionImport';
import type { Moderation } from './bindings/Moderation';
import type { NewCandidate } from './bindings/NewCandidate';
import type { Panel } from './bindings/Panel';
import type { RetentionStatus } from './bindings/RetentionStatus';
import type { Role } from './bindings/Role';
import type { Scale } from './bindings/Scale';
import type { Score } from './bindings/Score';
import type { OwnProgress } from './bindings/OwnProgress';
import type { ScoreImport } from './bindings/ScoreImport';
import type { ScoreInput } from './bindings/ScoreInput';
import type { Scorecard } from './bindings/Scorecard';
import type { SignOff } from './bindings/SignOff';
import type { StoredScorecard } from './bindings/StoredScorecard';
import type { AuditFilter } from './bindings/AuditFilter';
import type { DatabaseInfo } from './bindings/DatabaseInfo';
import type { IpcError } from './bindings/IpcError';
import type { StartupInfo } from './bindings/StartupInfo';
import type { StoredRole } from './bindings/StoredRole';
import type { AnchorCheck } from './bindings/AnchorCheck';
import type { Roles } from './bindings/Roles';
import type { User } from './bindings/User';
import type { Verification } from './bindings/Verification';
import type { Wire } from './wire';

/** An error from a command (or from IPC itself), as the UI handles it. */
export class AppError extends Error implements IpcError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/**
 * Whatever a command rejected with, as an `AppError`. The shell rejects with
 * `{ code, message }`; Tauri itself rejects with a plain string (e.g. a command the
 * capability does not allow); anything else is a bug in the UI and says so.
 */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isIpcError(reason)) return new AppError(reason.code, reason.message);
  if (typeof reason === 'string') return new AppError('ipc', reason);
  if (reason instanceof Error) return new AppError('internal', reason.message);
  return new AppError('internal', `Unexpected error: ${String(reason)}`);
}

/** Hears a long command's progress (see `jobs.svelte.ts`). */
export type OnProgress = (p: JobProgress) => void;

/** A Tauri channel that hands each progress message to `onProgress`. */
function progressChannel(onProgress: OnProgress): Channel<JobProgress> {
  const channel = new Channel<JobProgress>();
  channel.onmessage = onProgress;
  return channel;
}

/** When tests/e2e/large.mjs asks (`__timeIpc`), each command's round trip on the page's
 * timeline (`ipc:cmd`: core, serialising, IPC and parsing together), with the answer's size as
 * JSON if asked (`'sizes'`: that costs time of its own). Off otherwise, so a long session does
 * not fill the timeline. */
function timeIpc(cmd: string, began: number, answer: unknown) {
  const asked = (globalThis as { __timeIpc?: boolean | 'sizes' }).__timeIpc;
  if (!asked) return;
  const bytes = asked === 'sizes' ? (JSON.stringify(answer) ?? '').length : undefined;
  performance.measure(`ipc:${cmd}`, { start: began, detail: { bytes } });
}

/** The signature of Tauri's `invoke`, so tests can pass their own. */
export type Invoke = <T>(cmd: string, args?: InvokeArgs) => Promise<T>;

/** Builds the API over an `invoke` function (Tauri's in the app, a fake in tests). */
export function createApi(invoke: Invoke) {
  async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
    const began = performance.now();
    try {
      const answer = await invoke<T>(cmd, args);
      timeIpc(cmd, began, answer);
      return answer;
    } catch (reason) {
      throw toAppError(reason);
    }
  }

  return {
    startupInfo: () => call<Wire<StartupInfo>>('startup_info'),
    openDatabase: (path: string) => call<DatabaseInfo>('open_database', { path }),
    /** Connects to a shared database, signed in as the login the server authenticates. */
    connectShared: (url: string, password: string | null) =>
      call<Wire<Connected>>('connect_shared', { url, password }),
    /** Changes other desks made after `after`, waiting up to `timeoutMs` for one (shared database). */
    waitChanges: (after: number, timeoutMs: number) =>
      call<Wire<ChangesSince>>('wait_changes', { after, timeoutMs }),
    /** Shared databases connected to lately, without passwords. */
    recentConnections: () => call<string[]>('recent_connections'),
    currentDatabase: () => call<DatabaseInfo | null>('current_database'),
    defaultDatabasePath: () => call<string>('default_database_path'),
    recentDatabases: () => call<string[]>('recent_databases'),
    /** The users of the open database (the local file's "who are you" list). */
    listUsers: () => call<Wire<User>[]>('list_users'),
    /** Signs in; in a file with no users yet, creates the first (HR administrator). */
    signIn: (login: string, name: string | null) => call<Wire<User>>('sign_in', { login, name }),
    currentUser: () => call<Wire<User> | null>('current_user'),
    addUser: (login: string, name: string, hrAdmin: boolean) =>
      call<Wire<User>>('add_user', { login, name, hrAdmin }),
    /** What the signed-in user is in a campaign. */
    myRoles: (campaignId: number) => call<Wire<Roles>>('my_roles', { campaignId }),
    listRoles: () => call<Wire<StoredRole>[]>('list_roles'),
    importRoleFile: (path: string) => call<Wire<StoredRole>>('import_role_file', { path }),
    verifyAudit: () => call<Verification>('verify_audit'),
    auditAnchor: () => call<string>('audit_anchor'),
    checkAnchor: (anchor: string) => call<AnchorCheck>('check_anchor', { anchor }),
    listAuditEvents: (filter: Wire<AuditFilter>) =>
      call<Wire<AuditEvent>[]>('list_audit_events', { filter }),
    uiReady: (scriptMs: number, mountedMs: number, paintMs: number) =>
      call<void>('ui_ready', { scriptMs, mountedMs, paintMs }),

    // Roles and scorecards
    importJobDescription: (path: string) =>
      call<Wire<JobDescriptionImport>>('import_job_description', { path }),
    /** A job description the user dropped: its name and content (sent as a list of bytes). */
    importJobDescriptionBytes: (fileName: string, bytes: Uint8Array) =>
      call<Wire<JobDescriptionImport>>('import_job_description_bytes', { fileName, bytes: Array.from(bytes) }),
    saveRole: (role: Wire<Role>) => call<Wire<StoredRole>>('save_role', { role }),
    updateRole: (id: number, role: Wire<Role>) => call<Wire<StoredRole>>('update_role', { id, role }),
    getRole: (id: number) => call<Wire<StoredRole>>('get_role', { id }),
    exportRoleFile: (id: number, path: string) => call<void>('export_role_file', { id, path }),
    civilServiceScale: () => call<Scale>('civil_service_scale'),
    draftScorecard: (roleId: number, title: string) =>
      call<Wire<Scorecard>>('draft_scorecard', { roleId, title }),
    listScorecards: () => call<Wire<StoredScorecard>[]>('list_scorecards'),
    createScorecard: (roleId: number | null, scorecard: Wire<Scorecard>) =>
      call<Wire<StoredScorecard>>('create_scorecard', { roleId, scorecard }),
    updateScorecard: (id: number, scorecard: Wire<Scorecard>) =>
      call<Wire<StoredScorecard>>('update_scorecard', { id, scorecard }),

    // Campaigns and people
    listCampaigns: () => call<Wire<Campaign>[]>('list_campaigns'),
    getCampaign: (id: number) => call<Wire<Campaign>>('get_campaign', { id }),
    createCampaign: (name: string, scorecardId: number) =>
      call<Wire<Campaign>>('create_campaign', { name, scorecardId }),
    /**
     * Builds a demo campaign with `exercises` exercises (1: an interview; 2: also a technical
     * test) as the cancellable run `jobId`, reporting candidates added, then scored.
     */
    createDemoCampaign: (candidates: number, seed: number, exercises: number, jobId: number, onProgress: OnProgress) =>
      call<Wire<Campaign>>('create_demo_campaign', {
        candidates,
        seed,
        exercises,
        jobId,
        onProgress: progressChannel(onProgress),
      }),
    startScoring: (id: number) => call<Wire<Campaign>>('start_scoring', { id }),
    startModeration: (id: number) => call<Wire<Campaign>>('start_moderation', { id }),
    returnToScoring: (id: number, reason: string) =>
      call<Wire<Campaign>>('return_to_scoring', { id, reason }),
    /** Once scoring has started, a change of the number of posts needs a reason (audited). */
    setPosts: (id: number, posts: number | null, reason: string | null = null) =>
      call<void>('set_posts', { id, posts, reason }),
    getPosts: (id: number) => call<number | null>('get_posts', { id }),
    listPanels: (campaignId: number) => call<Wire<Panel>[]>('list_panels', { campaignId }),
    addPanel: (campaignId: number, name: string) => call<number>('add_panel', { campaignId, name }),
    listAssessors: (campaignId: number) => call<Wire<Assessor>[]>('list_assessors', { campaignId }),
    /** Adds the user `login` (created with `name` if new) as member, chair or moderator. */
    addAssessor: (campaignId: number, login: string, name: string, role: AssessorRole, panelId: number | null) =>
      call<number>('add_assessor', { campaignId, login, name, role, panelId }),
    /** Limits a member or chair to one exercise of the scorecard (`null`: every exercise); HR
     * administrators only, refused once the assessor has scored. */
    setAssessorExercise: (campaignId: number, assessorId: number, exercise: string | null) =>
      call<void>('set_assessor_exercise', { campaignId, assessorId, exercise }),
    listCandidates: (campaignId: number) =>
      call<Wire<Candidate>[]>('list_candidates', { campaignId }),
    addCandidate: (campaignId: number, candidate: Wire<NewCandidate>) =>
      call<number>('add_candidate', { campaignId, candidate }),
    updateCandidate: (campaignId: number, candidateId: number, candidate: Wire<NewCandidate>) =>
      call<void>('update_candidate', { campaignId, candidateId, candidate }),
    /** Places a candidate's exercise before another panel (`null`: their own panel again);
     * HR administrators only, refused once they have been scored in it. */
    placeCandidate: (campaignId: number, candidateId: number, exercise: string, panelId: number | null) =>
      call<void>('place_candidate', { campaignId, candidateId, exercise, panelId }),
    /** Imports a candidate CSV as the cancellable run `jobId`: all rows, or none. */
    importCandidates: (campaignId: number, path: string, jobId: number, onProgress: OnProgress) =>
      call<number>('import_candidates', { campaignId, path, jobId, onProgress: progressChannel(onProgress) }),
    /** Withdraws a candidate before sign-off, with a reason (HR administrators and moderators). */
    withdrawCandidate: (campaignId: number, candidateId: number, reason: string) =>
      call<void>('withdraw_candidate', { campaignId, candidateId, reason }),
    /** The signed-in member declares a conflict of interest with a candidate of their panel. */
    declareConflict: (campaignId: number, candidateId: number, reason: string) =>
      call<Wire<ConflictDeclaration>>('declare_conflict', { campaignId, candidateId, reason }),
    /** The signed-in member confirms they have no (further) conflicts in the campaign. */
    confirmNoConflicts: (campaignId: number) => call<void>('confirm_no_conflicts', { campaignId }),
    listConflicts: (campaignId: number) =>
      call<Wire<ConflictDeclaration>[]>('list_conflicts', { campaignId }),
    /** Sets (an empty note clears) a candidate's reasonable adjustments (HR administrators). */
    setAdjustments: (campaignId: number, candidateId: number, note: string) =>
      call<void>('set_adjustments', { campaignId, candidateId, note }),
    /** A candidate's reasonable adjustments, for their panel and HR administrators. */
    getAdjustments: (campaignId: number, candidateId: number) =>
      call<string | null>('get_adjustments', { campaignId, candidateId }),

    // Scoring
    /** The scores the signed-in user may see for a candidate. */
    visibleScores: (campaignId: number, candidateId: number) =>
      call<Wire<Score>[]>('visible_scores', { campaignId, candidateId }),
    /** The signed-in member's or chair's own scores (drafts and submitted) for every candidate
     * of their panel, in one call; candidates they declared a conflict with are left out. */
    ownPanelScores: (campaignId: number) => call<Wire<Score>[]>('own_panel_scores', { campaignId }),
    /** The signed-in scorer's progress with each candidate of their panel (the Scoring list). */
    ownPanelProgress: (campaignId: number) => call<Wire<OwnProgress>[]>('own_panel_progress', { campaignId }),
    /** Imports a score sheet (CSV) of the signed-in member's or chair's own scores as drafts,
     * all rows or none; a refused sheet's message lists each bad line. */
    importScores: (campaignId: number, path: string, jobId: number, onProgress: OnProgress) =>
      call<ScoreImport>('import_scores', { campaignId, path, jobId, onProgress: progressChannel(onProgress) }),
    saveScore: (campaignId: number, input: Wire<ScoreInput>) =>
      call<Wire<Score>>('save_score', { campaignId, input }),
    submitScores: (campaignId: number, candidateId: number) =>
      call<Wire<Score>[]>('submit_scores', { campaignId, candidateId }),
    agreedScores: (campaignId: number, candidateId: number) =>
      call<Wire<AgreedScore>[]>('agreed_scores', { campaignId, candidateId }),
    agreeScore: (campaignId: number, decision: Wire<Decision>) =>
      call<Wire<AgreedScore>>('agree_score', { campaignId, decision }),

    // Moderation and results
    /** The moderation board's counts, options, panel flags and ties, and its first `limit`
     * rows that pass `filter` (the core keeps the board; rows come a window at a time). */
    /** Has the core compute the board and the results ahead of their screens (a moderator's
     * campaign chosen); nothing for anyone else. Not awaited. */
    prepareViews: (campaignId: number) => call<null>('prepare_views', { campaignId }),
    boardSummary: (campaignId: number, settings: FlagSettings, filter: BoardFilter, limit: number) =>
      call<Wire<BoardSummary>>('board_summary', { campaignId, settings, filter, limit }),
    /** Rows `[offset, offset + limit)` of the board's rows that pass `filter`, in merit order. */
    boardRows: (campaignId: number, settings: FlagSettings, filter: BoardFilter, offset: number, limit: number) =>
      call<Wire<BoardWindow>>('board_rows', { campaignId, settings, filter, offset, limit }),
    /** The candidates' flags with their reasons (rows carry their flags without). */
    boardFlags: (campaignId: number, settings: FlagSettings, candidateIds: number[]) =>
      call<Wire<CandidateFlags>[]>('board_flags', { campaignId, settings, candidateIds }),
    /** The campaign's flag thresholds (the same the command line and the exports use). */
    flagSettings: (campaignId: number) => call<FlagSettings>('flag_settings', { campaignId }),
    /** Keeps thresholds as the campaign's own (audited), so the exports flag alike. */
    setFlagSettings: (campaignId: number, settings: FlagSettings) =>
      call<void>('set_flag_settings', { campaignId, settings }),
    moderateScore: (campaignId: number, decision: Wire<Decision>) =>
      call<Wire<Moderation>>('moderate_score', { campaignId, decision }),
    moderations: (campaignId: number, candidateId: number) =>
      call<Wire<Moderation>[]>('moderations', { campaignId, candidateId }),
    signOff: (campaignId: number) => call<void>('sign_off', { campaignId }),
    reopen: (campaignId: number, reason: string) => call<void>('reopen', { campaignId, reason }),
    signoffs: (campaignId: number) => call<SignOff[]>('signoffs', { campaignId }),
    orderTie: (campaignId: number, ordered: number[], reason: string) =>
      call<void>('order_tie', { campaignId, ordered, reason }),
    /** The Results screen's counts, posts in effect and ties, and the first `limit` rows of
     * each list (the core keeps the results; rows come a window at a time). */
    resultsSummary: (campaignId: number, limit: number) =>
      call<Wire<ResultsSummary>>('results_summary', { campaignId, limit }),
    /** Rows `[offset, offset + limit)` of one of the Results screen's lists, in merit order. */
    resultsRows: (campaignId: number, list: ResultsList, offset: number, limit: number) =>
      call<Wire<ResultsWindow>>('results_rows', { campaignId, list, offset, limit }),
    /** The candidates' scores per criterion and combined (the rows carry neither). */
    resultDetails: (campaignId: number, candidateIds: number[]) =>
      call<Wire<ResultDetails>[]>('result_details', { campaignId, candidateIds }),
    /** The statistics, computed with the results the screen is reading. */
    resultsStats: (campaignId: number) => call<Wire<CampaignStats>>('results_stats', { campaignId }),

    // Export
    /** Exports as the cancellable run `jobId`; progress counts PDF documents. */
    exportCampaign: (campaignId: number, dir: string, request: ExportRequest, jobId: number, onProgress: OnProgress) =>
      call<ExportSummary>('export_campaign', { campaignId, dir, request, jobId, onProgress: progressChannel(onProgress) }),
    /** Asks the run `jobId` to stop at its next step; false when it is no longer running. */
    cancelJob: (jobId: number) => call<boolean>('cancel_job', { jobId }),
    openFolder: (path: string) => call<void>('open_folder', { path }),

    // Personal data (HR administrators only)
    eraseCandidate: (campaignId: number, candidateId: number, reason: string) =>
      call<void>('erase_candidate', { campaignId, candidateId, reason }),
    listRetention: () => call<Wire<RetentionStatus>[]>('list_retention'),
    setRetention: (campaignId: number, months: number, reason: string) =>
      call<Wire<RetentionStatus>>('set_retention', { campaignId, months, reason }),
    purgeCampaign: (campaignId: number, reason: string) => call<number>('purge_campaign', { campaignId, reason }),
  };
}

/** The API type, for components that take it as a prop. */
export type Api = ReturnType<typeof createApi>;

/** The app's API, over Tauri's IPC. */
export const api: Api = createApi(tauriInvoke);
