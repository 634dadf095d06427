// OAuth for many workspaces: Bolt's own "Add to Slack" flow (@slack/oauth through the HTTP receiver's
// installer options) serves /slack/install and /slack/oauth_redirect, and keeps each workspace's
// installation in the bot's database through this InstallationStore. Uninstalling the app or revoking
// its tokens deletes the row, so nothing is kept that can no longer be used.
import type { App, Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Database } from '../../src/db/database.js';
import { deleteInstallation, fetchInstallation, storeInstallation } from '../../src/db/installations.js';
import type { Logger } from '../../src/runtime/logger.js';

/** The bot scopes an installation asks for: the same as manifest.yml's. */
export const BOT_SCOPES = ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'channels:history', 'groups:history'];

export function databaseInstallationStore(database: () => Promise<Database>): InstallationStore {
  return {
    async storeInstallation(installation) {
      const db = await database();
      await storeInstallation(db.sql, { enterpriseId: installation.enterprise?.id, teamId: installation.team?.id, isEnterpriseInstall: installation.isEnterpriseInstall }, installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const db = await database();
      const found = await fetchInstallation<Installation>(db.sql, query);
      // Bolt's authorize turns this into "not installed here": the event is not answered.
      if (!found) throw new Error(`no installation for team ${query.teamId ?? '-'} / enterprise ${query.enterpriseId ?? '-'}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const db = await database();
      await deleteInstallation(db.sql, query);
    },
  };
}

/** app_uninstalled and tokens_revoked (for the bot): the workspace's installation goes. */
export function registerUninstall(app: App, store: InstallationStore, log: Logger): void {
  const remove = async (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }, why: string) => {
    await store.deleteInstallation?.({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall ?? false });
    log.info({ team: context.teamId, enterprise: context.enterpriseId, why }, 'slack installation deleted');
  };
  app.event('app_uninstalled', async ({ context }) => remove(context, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if (event.tokens.bot?.length) await remove(context, 'tokens_revoked');
  });
}
