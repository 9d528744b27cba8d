// Process: team server (Node). `admin` commands: each prints one line of JSON, so that scripts can read it.
import { parseArgs } from 'node:util';
import { AccountError, addUser, createTeam, listTeams, newTeamGeneration, removeUser, resetPassword, type Role } from './accounts.ts';
import type { SqlDatabase } from './sql-database.ts';

export const ADMIN_USAGE = `admin commands (with --data-dir DIR, or DATABASE_URL set):
  admin create-team "Name"
  admin add-user --team ID --email E --role owner|member --password-stdin
  admin reset-password (--email E | --user ID) --password-stdin
  admin remove-user (--email E | --user ID) [--team ID]
  admin new-generation --team ID     (after restoring a backup: every client resyncs fully)
  admin list`;

/** Runs one admin command; its result is the JSON to print. */
export async function runAdmin(db: SqlDatabase, args: string[], readPassword: () => Promise<string>): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      team: { type: 'string' },
      email: { type: 'string' },
      user: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  const password = async () => {
    if (!values['password-stdin']) throw new AccountError('give the password on standard input with --password-stdin (never as an argument: it would show in ps and shell history)');
    return readPassword();
  };
  const who = () => {
    if (!values.email && !values.user) throw new AccountError('name the user with --email E or --user ID');
    return { email: values.email, user: values.user };
  };
  switch (command) {
    case 'create-team':
      if (rest.length !== 1) throw new AccountError('create-team takes the team name: admin create-team "Name"');
      return { team: await createTeam(db, rest[0]!) };
    case 'add-user': {
      if (!values.team || !values.email || !values.role) throw new AccountError('add-user needs --team, --email and --role');
      const pw = values['password-stdin'] ? await readPassword() : undefined;
      return { user: await addUser(db, { team: values.team, email: values.email, role: values.role as Role, password: pw }) };
    }
    case 'reset-password':
      return { user: await resetPassword(db, who(), await password()) };
    case 'remove-user':
      return { user: await removeUser(db, { ...who(), team: values.team }) };
    case 'new-generation':
      if (!values.team) throw new AccountError('new-generation needs --team');
      return { team: values.team, generation: await newTeamGeneration(db, values.team) };
    case 'list':
      return { teams: await listTeams(db) };
    default:
      throw new AccountError(`unknown admin command ${command ?? '(none)'}\n${ADMIN_USAGE}`);
  }
}
