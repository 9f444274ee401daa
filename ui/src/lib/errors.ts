/**
 * Every error the user sees, as a sentence they can act on. The shell sends a stable `code`
 * and the core's message (which names the file, line or field); this module, and only this
 * one, turns the pair into words: what happened, with the core's detail, and what to do next.
 * The code itself stays on screen beside the sentence, for support.
 */

export interface ErrorLike {
  code: string;
  message: string;
}

/** Plain words for the fields the core names in `invalid` errors. */
const FIELD_WORDS: Record<string, string> = {
  'moderation.reason': 'the reason for the change',
  reason: 'the reason',
  rationale: 'the rationale',
  'campaign.name': 'the campaign name',
  'candidate.reference': 'the candidate reference',
  name: 'the name',
  folder: 'the folder',
  database: 'the database',
  value: 'the score',
  pass_mark: 'the pass mark',
  weight: 'the weight',
  email: 'the email address',
  posts: 'the number of posts',
  'retention.months': 'the retention period',
};

/** "criteria[2].pass_mark" → "criterion 3 pass mark"; known fields by their words. */
export function fieldWords(field: string): string {
  const known = FIELD_WORDS[field] ?? FIELD_WORDS[field.split('.').at(-1) ?? ''];
  if (known) return known;
  const words = field
    .replace(/criteria\[(\d+)\]/g, (_, n: string) => `criterion ${Number(n) + 1}`)
    .replace(/([a-z]+)s\[(\d+)\]/g, (_, name: string, n: string) => `${name} ${Number(n) + 1}`)
    .replace(/\[(\d+)\]/g, (_, n: string) => ` ${Number(n) + 1}`)
    .replace(/[._]/g, ' ')
    .trim();
  return `the ${words}`;
}

/** What an operating-system error number means, in words ("(os error 2)" in a message). */
const OS_ERRORS: Record<number, string> = {
  2: 'it does not exist',
  13: 'permission was denied',
  17: 'it already exists',
  20: 'a part of the path is not a folder',
  21: 'it is a folder, not a file',
  28: 'the disk is full',
  30: 'the disk is read-only',
};

const sentence = (text: string) => {
  const t = text.trim().replace(/[.:;,]+$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1) + '.';
};

/** The sentence shown for `error`. Never empty; unknown codes keep the message as it is. */
export function explain(error: ErrorLike): string {
  const message = error.message.trim();
  switch (error.code) {
    case 'invalid': {
      const at = message.indexOf(': ');
      if (at <= 0) return sentence(`Check what you entered: ${message}`);
      return sentence(`Check ${fieldWords(message.slice(0, at))}: ${message.slice(at + 2)}`);
    }
    case 'io': {
      const m = /^(.*?): (.*?)(?: \(os error (\d+)\))?$/s.exec(message);
      if (!m) return sentence(`A file could not be read or written: ${message}. Check the path and try again`);
      const why = m[3] && OS_ERRORS[Number(m[3])] ? OS_ERRORS[Number(m[3])] : m[2];
      return sentence(`Panelmark could not use the file “${m[1]}”: ${why}. Check the name and folder, then try again`);
    }
    case 'not_found': {
      const m = /^(\w[\w ]*?) (\S+) not found$/.exec(message);
      if (!m) return sentence(`${message}. Reload the screen or choose another`);
      return sentence(`The ${m[1]} ${m[2]} no longer exists or was never saved. Reload the screen, or choose another ${m[1]}`);
    }
    case 'wrong_state': {
      const m = /^campaign \d+ is (\w+): (.*) is not allowed \(allowed when (.*)\)$/.exec(message);
      if (!m) return sentence(`This cannot be done at this stage of the campaign: ${message}`);
      const state = m[1].replace(/_/g, ' ');
      return sentence(`This cannot be done while the campaign is in ${state}: ${m[2]} is possible only when it is ${m[3].replace(/_/g, ' ')}`);
    }
    case 'locked': {
      const m = /before (.*)$/.exec(message);
      return sentence(
        `The results are signed off and locked. A moderator must reopen them on the Moderation screen, with a reason, before ${m ? m[1] : 'anything changes'}`,
      );
    }
    case 'forbidden':
      return sentence(`You are not permitted to do this: ${message.replace(/^not permitted:\s*/, '')}. Check who you are working as on the Start screen`);
    case 'conflict':
      return sentence(`Not done: ${message}`);
    case 'import':
      return `This file could not be imported, and nothing was changed: ${message}${/[.]$/.test(message) ? '' : '.'} Correct the file and import it again.`;
    case 'database':
      return sentence(`The database could not be read or written (${message.replace(/^database error:\s*/, '')}). Try again; if it happens again, report the code below`);
    case 'migration':
      return sentence(`This database could not be brought up to date (${message.replace(/^database migration failed:\s*/, '')}). Open it with the newest Panelmark, or restore a backup`);
    case 'export':
      return sentence(`The export did not finish: ${message.replace(/^export failed:\s*/, '')}. Check the folder and try again`);
    case 'cancelled':
      return sentence(`Cancelled: ${message.replace(/^cancelled:\s*/, '')}`);
    case 'ipc':
      return sentence(`The app could not carry out this request (${message}). Restart Panelmark; if it happens again, report the code below`);
    case 'internal':
      return sentence(`Something unexpected went wrong in the app (${message}). Report the code below`);
    default:
      return message; // the shell's own errors (no_database, no_user, config) are sentences already
  }
}
