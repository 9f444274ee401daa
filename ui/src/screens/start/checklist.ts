/** The first-run checklist: the set-up steps in order, each done once the database has one. */

export interface Step {
  title: string;
  how: string;
  done: boolean;
}

export function checklist(have: { roles: number; scorecards: number; campaigns: number }): Step[] {
  return [
    {
      title: '1. Import or create a role',
      how: 'Roles screen: import a role file or a job description, or press “New role” to write one by hand.',
      done: have.roles > 0,
    },
    {
      title: '2. Build a scorecard',
      how: 'Scorecards screen: choose a role, then pick its criteria, weights and pass marks.',
      done: have.scorecards > 0,
    },
    {
      title: '3. Set up a campaign',
      how: 'Campaigns screen: add panels, people and candidates, then start scoring.',
      done: have.campaigns > 0,
    },
  ];
}
