import { type HandoffDelivery, SftpHandoffDelivery, SignedWebhookHandoffDelivery } from '@dunning/channels';
import type { AgencyTarget } from '../../activities/ports';

/**
 * The push an agency asked for, with its secrets read from the environment variables its
 * configuration names (SFTP key or password, webhook secret): the database holds no secret.
 * `api` (portal download) and `email` agencies get no push.
 */
export function handoffDeliveryFromEnvironment(env: NodeJS.ProcessEnv = process.env): (agency: AgencyTarget) => HandoffDelivery | undefined {
  const secret = (agency: AgencyTarget, name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const value = env[name];
    if (!value) throw new Error(`agency ${agency.name}: environment variable ${name} (named in its delivery configuration) is not set`);
    return value;
  };
  return (agency) => {
    const { sftp, webhook } = agency.deliveryConfig;
    if (agency.deliveryMethod === 'sftp') {
      if (!sftp) throw new Error(`agency ${agency.name}: delivery by SFTP but no deliveryConfig.sftp`);
      return new SftpHandoffDelivery({ ...sftp, privateKey: secret(agency, sftp.privateKeyEnv), password: secret(agency, sftp.passwordEnv) });
    }
    if (agency.deliveryMethod === 'webhook') {
      if (!webhook) throw new Error(`agency ${agency.name}: delivery by webhook but no deliveryConfig.webhook`);
      return new SignedWebhookHandoffDelivery(webhook.url, secret(agency, webhook.secretEnv)!);
    }
    return undefined;
  };
}
