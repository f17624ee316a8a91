import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal SES endpoint for load runs: it accepts SendRawEmail, keeps only who got a message and when
 * (aws-ses-v2-local keeps every body in memory: 100,000 of them would not fit), and answers a MessageId.
 */
export async function countingSes(): Promise<{ url: string; deliveries: { to: string; at: number }[]; close(): Promise<void> }> {
  const deliveries: { to: string; at: number }[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const raw = Buffer.from(form.get('RawMessage.Data') ?? '', 'base64').toString('utf8');
      const to = /^To: (.+)$/im.exec(raw)?.[1]?.trim() ?? form.get('Destinations.member.1') ?? '';
      deliveries.push({ to, at: performance.now() });
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(`<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>load-${++counter}</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>r${counter}</RequestId></ResponseMetadata></SendRawEmailResponse>`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deliveries,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
