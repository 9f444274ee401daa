/**
 * What the Moderation, Results and Export screens last read for a campaign, kept while the app
 * runs, so that opening one of them again shows it at once and the board's own request goes
 * first, while the same reads run again behind it. Everything is kept for one database and
 * one signed-in user (another of either starts empty); a value read again that is the same
 * is not assigned again, so nothing reloads because of it.
 */
import type { Assessor } from '../../bindings/Assessor';
import type { Campaign } from '../../bindings/Campaign';
import type { FlagSettings } from '../../bindings/FlagSettings';
import type { SignOff } from '../../bindings/SignOff';
import type { Wire } from '../../wire';

/** A campaign as the picker last loaded it. */
export interface KeptCampaign {
  campaign: Wire<Campaign>;
  assessors: Wire<Assessor>[];
  moderatorId: number | null;
}

/** Whether two values read from the core hold the same data. */
export function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export class Kept {
  private scope = '';
  private list: Wire<Campaign>[] | null = null;
  private readonly campaigns = new Map<number, KeptCampaign>();
  private readonly thresholds = new Map<number, FlagSettings>();
  /** Sign-off history by campaign and state: it changes only with a sign-off or a reopening,
   * each of which changes the campaign's state. */
  private readonly history = new Map<string, SignOff[]>();

  /** Empties everything when `scope` (the database and the user) is not the last one. */
  within(scope: string): this {
    if (scope !== this.scope) {
      this.scope = scope;
      this.list = null;
      this.campaigns.clear();
      this.thresholds.clear();
      this.history.clear();
    }
    return this;
  }

  campaignList(): Wire<Campaign>[] | null {
    return this.list;
  }
  keepCampaignList(list: Wire<Campaign>[]): void {
    this.list = list;
  }
  campaign(id: number): KeptCampaign | null {
    return this.campaigns.get(id) ?? null;
  }
  keepCampaign(id: number, value: KeptCampaign): void {
    this.campaigns.set(id, value);
  }
  flagSettings(id: number): FlagSettings | null {
    return this.thresholds.get(id) ?? null;
  }
  keepFlagSettings(id: number, settings: FlagSettings): void {
    this.thresholds.set(id, settings);
  }
  signoffs(id: number, state: string): SignOff[] | null {
    return this.history.get(`${id}:${state}`) ?? null;
  }
  keepSignoffs(id: number, state: string, list: SignOff[]): void {
    this.history.set(`${id}:${state}`, list);
  }
}

const kept = new Kept();

/** The database at `databasePath` and the user `login`: what the kept reads belong to. */
export function keptScope(databasePath: string | null | undefined, login: string | null | undefined): string {
  return `${databasePath ?? ''}\n${login ?? ''}`;
}

/** The kept reads for the database at `databasePath` and the user `login`. */
export function keptFor(databasePath: string | null | undefined, login: string | null | undefined): Kept {
  return kept.within(keptScope(databasePath, login));
}
