import { SESClient } from '@aws-sdk/client-ses';
import { SesMailer } from '../src/adapters/aws/ses-mailer.ts';
import { getServices } from '../src/compose.ts';

/** Points the running stack's mailer at another SES endpoint (the load run's counting one). */
export async function resetServicesMailer(endpoint: string): Promise<void> {
  const services = await getServices();
  services.mailer = new SesMailer({ client: new SESClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 }) });
}
