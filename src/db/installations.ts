// Slack installations ("Add to Slack"), one row per workspace or Enterprise Grid organisation. The
// installation is kept whole as JSON (its shape is @slack/oauth's, and this file must not import it);
// the key is the organisation for an org-wide install, otherwise the workspace.
import type { Queryable } from './sql.js';

export interface InstallationKey {
  enterpriseId?: string;
  teamId?: string;
  /** Org-wide install: found by its enterprise alone, whichever workspace the event comes from. */
  isEnterpriseInstall?: boolean;
}

const key = (k: InstallationKey): [string, string] => [k.enterpriseId ?? '', k.isEnterpriseInstall ? '' : k.teamId ?? ''];

export async function storeInstallation(db: Queryable, k: InstallationKey, installation: unknown): Promise<void> {
  await db.query(
    `INSERT INTO slack_installations (enterprise_id, team_id, installation, installed_at) VALUES ($1, $2, $3::jsonb, now())
     ON CONFLICT (enterprise_id, team_id) DO UPDATE SET installation = EXCLUDED.installation, installed_at = EXCLUDED.installed_at`,
    [...key(k), JSON.stringify(installation)],
  );
}

export async function fetchInstallation<T>(db: Queryable, k: InstallationKey): Promise<T | undefined> {
  const rows = await db.query<{ installation: T | string }>('SELECT installation FROM slack_installations WHERE enterprise_id = $1 AND team_id = $2', key(k));
  const found = rows[0]?.installation;
  return typeof found === 'string' ? (JSON.parse(found) as T) : found;
}

export async function deleteInstallation(db: Queryable, k: InstallationKey): Promise<number> {
  const rows = await db.query('DELETE FROM slack_installations WHERE enterprise_id = $1 AND team_id = $2 RETURNING 1', key(k));
  return rows.length;
}
