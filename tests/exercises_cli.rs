//! A campaign with two exercises (an interview and a technical test, the Success Profiles
//! matrix), built and run entirely from the command line: each exercise has its own chair and
//! scoring, a member declares a conflict, a candidate withdraws, a tie at the last post is
//! separated, the moderator moderates, signs off and exports.

mod cli_support;

use cli_support::exercise_flow::{two_exercise_campaign, HR, PEOPLE};
use cli_support::Cli;

#[test]
fn a_two_exercise_campaign_runs_from_the_cli_to_signed_off_exports() {
    let cli = Cli::new();
    for (login, name) in PEOPLE {
        cli.run_as(HR, &["user", "add", login, "--name", name]);
    }
    let (_, results) = two_exercise_campaign(&cli);
    assert_eq!(results.as_array().unwrap().len(), 4);
}
