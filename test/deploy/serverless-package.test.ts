import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STAGE = 'ci';
const REGION = 'eu-west-3';
const ACCOUNT = '123456789012';
const LAMBDA_UNZIPPED_LIMIT_BYTES = 250 * 1024 * 1024;

interface CfnResource {
  Type: string;
  Properties: Record<string, any>;
}
interface Template {
  Resources: Record<string, CfnResource>;
}
interface ServerlessYml {
  params: { default: Record<string, string | number> };
  functions: Record<string, { handler: string; events?: Record<string, any>[] }>;
  resources: { Resources: Record<string, { Type: string }> };
}
interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** serverless.yml read as plain data; CloudFormation short tags keep their argument. */
function readServerlessYml(): ServerlessYml {
  const keep = (v: unknown) => v;
  return parseYaml(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), {
    customTags: [
      { tag: '!Ref', resolve: keep },
      { tag: '!GetAtt', resolve: keep },
      { tag: '!Sub', resolve: keep },
      { tag: '!Join', collection: 'seq', resolve: keep },
    ],
  }) as ServerlessYml;
}

/** Evaluates the intrinsics a template uses to build names: pseudo parameters become fixed values, other references `<Ref X>`. */
function resolve(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolve);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, any>;
  if ('Ref' in node) {
    const pseudo: Record<string, string> = { 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT, 'AWS::Partition': 'aws' };
    return pseudo[node.Ref] ?? `<Ref ${node.Ref}>`;
  }
  if ('Fn::GetAtt' in node) return `<${node['Fn::GetAtt'].join('.')}>`;
  if ('Fn::Join' in node) return (resolve(node['Fn::Join'][1]) as unknown[]).join(node['Fn::Join'][0]);
  if ('Fn::Sub' in node) {
    return (node['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => String(resolve({ Ref: name })));
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** The entries of a zip, from its central directory (no zip64: Lambda packages stay far below 4 GB). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is corrupt`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The bytes of one zip entry (stored or deflated). */
function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const start = entry.localHeaderOffset + 30 + zip.readUInt16LE(entry.localHeaderOffset + 26) + zip.readUInt16LE(entry.localHeaderOffset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

let packageDir: string;
let template: Template;
let yml: ServerlessYml;

const resourcesOfType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const lambdaFunctions = () => resourcesOfType('AWS::Lambda::Function');
const getAttTarget = (value: any): string => value['Fn::GetAtt'][0];

/** Every statement of every policy document in the template: role policies, managed policies, bucket and queue policies. */
function policyStatements(): PolicyStatement[] {
  const documents: any[] = [];
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type === 'AWS::IAM::Role') documents.push(...(resource.Properties.Policies ?? []).map((p: any) => p.PolicyDocument));
    if (resource.Properties?.PolicyDocument) documents.push(resource.Properties.PolicyDocument);
  }
  return documents.flatMap((d) => asList(d.Statement));
}

describe('osls package', () => {
  beforeAll(async () => {
    yml = readServerlessYml();
    packageDir = mkdtempSync(join(tmpdir(), 'followup-guard-package-'));
    try {
      await promisify(execFile)('npx', ['--no-install', 'osls', 'package', '--stage', STAGE, '--package', packageDir], {
        cwd: ROOT,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', SLS_TELEMETRY_DISABLED: '1' },
        timeout: 230_000,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`osls package failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`, { cause: error });
    }
    template = JSON.parse(readFileSync(join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  }, 240_000);

  afterAll(() => {
    if (packageDir) rmSync(packageDir, { recursive: true, force: true });
  });

  describe('the packaged CloudFormation template', () => {
    it('runs every function of serverless.yml on nodejs22.x', () => {
      const functions = lambdaFunctions();
      expect(functions.map(([, r]) => r.Properties.FunctionName).sort()).toEqual(
        Object.keys(yml.functions).map((name) => `followup-guard-${STAGE}-${name}`).sort(),
      );
      for (const [id, fn] of functions) expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
    });

    it('routes exactly the httpApi events of serverless.yml, each to the function that declares it', () => {
      const declared = Object.entries(yml.functions).flatMap(([name, fn]) =>
        (fn.events ?? []).filter((e) => e.httpApi).map((e) => `${String(e.httpApi.method).toUpperCase()} ${e.httpApi.path} -> ${name}`),
      );
      const functionNameOf = (logicalId: string) => String(template.Resources[logicalId]!.Properties.FunctionName).replace(`followup-guard-${STAGE}-`, '');
      const generated = resourcesOfType('AWS::ApiGatewayV2::Route').map(([, route]) => {
        const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
        const integration = template.Resources[integrationId]!;
        return `${route.Properties.RouteKey} -> ${functionNameOf(getAttTarget(integration.Properties.IntegrationUri))}`;
      });
      expect(declared.length).toBeGreaterThan(0);
      expect(generated.sort()).toEqual(declared.sort());
    });

    describe('the send worker', () => {
      const mapping = () => {
        const mappings = resourcesOfType('AWS::Lambda::EventSourceMapping');
        expect(mappings).toHaveLength(1);
        return mappings[0]![1].Properties;
      };
      const worker = () => template.Resources[getAttTarget(mapping().FunctionName)]!.Properties;
      const queue = () => template.Resources[getAttTarget(mapping().EventSourceArn)]!;

      it('takes one message at a time from the send queue and reports partial batch failures', () => {
        expect(queue().Type).toBe('AWS::SQS::Queue');
        expect(mapping().BatchSize).toBe(1);
        expect(mapping().FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      });

      it('reserves ceil(sesRate / 10) concurrent workers for the default SES rate, 14 messages/s giving 2', () => {
        const sesRate = Number(yml.params.default.sesRate);
        expect(sesRate).toBe(14);
        expect(worker().ReservedConcurrentExecutions).toBe(Math.ceil(sesRate / 10));
        expect(worker().ReservedConcurrentExecutions).toBe(2);
        expect(worker().Environment.Variables.WORKER_CONCURRENCY).toBe('2');
        expect(worker().Environment.Variables.MAX_SEND_RATE_PER_SECOND).toBe('14');
      });

      it('stops before the queue makes its message visible again', () => {
        expect(worker().Timeout).toBeLessThan(queue().Properties.VisibilityTimeout);
        expect(Number(worker().Environment.Variables.WORKER_BUDGET_MS)).toBeLessThan(worker().Timeout * 1000);
      });

      it('sends messages that keep failing to a dead-letter queue', () => {
        const redrive = queue().Properties.RedrivePolicy;
        const deadLetterQueue = template.Resources[getAttTarget(redrive.deadLetterTargetArn)]!;
        expect(deadLetterQueue.Type).toBe('AWS::SQS::Queue');
        expect(deadLetterQueue).not.toBe(queue());
        expect(deadLetterQueue.Properties.RedrivePolicy).toBeUndefined();
        expect(redrive.maxReceiveCount).toBeGreaterThan(1);
      });
    });

    it('keeps campaigns in on-demand pk/sk tables with point-in-time recovery', () => {
      const tables = resourcesOfType('AWS::DynamoDB::Table');
      expect(tables.length).toBeGreaterThan(0);
      for (const [, table] of tables) {
        expect(table.Properties.KeySchema).toEqual([
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ]);
        expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
        expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      }
    });

    it('blocks every kind of public access to the buckets serverless.yml declares', () => {
      const buckets = Object.entries(yml.resources.Resources).filter(([, r]) => r.Type === 'AWS::S3::Bucket');
      expect(buckets.length).toBeGreaterThan(0);
      for (const [id] of buckets) {
        expect(template.Resources[id]!.Properties.PublicAccessBlockConfiguration, id).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      }
    });

    it('allows no wildcard action and no bare wildcard resource in any policy', () => {
      const allowed = policyStatements().filter((s) => s.Effect === 'Allow');
      expect(allowed.length).toBeGreaterThan(0);
      for (const statement of allowed) {
        for (const action of asList(statement.Action)) expect(action, JSON.stringify(statement)).not.toMatch(/^(\*|[a-z0-9-]+:\*)$/i);
        expect(statement.Resource, JSON.stringify(statement)).toBeDefined();
        for (const resource of asList(resolve(statement.Resource))) expect(resource, JSON.stringify(statement)).not.toBe('*');
      }
    });

    it('lets the functions read only the SSM parameters of their own stage', () => {
      const ssmStatements = policyStatements().filter((s) => asList(s.Action).some((a) => a.startsWith('ssm:')));
      expect(ssmStatements.length).toBeGreaterThan(0);
      for (const statement of ssmStatements) {
        expect(asList(statement.Action)).toEqual(['ssm:GetParameter']);
        for (const arn of asList(resolve(statement.Resource))) {
          expect(arn).toBe(`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/followup-guard/${STAGE}/*`);
        }
      }
    });

    it('gives every function the SSM parameter name of the secret, never a secret value', () => {
      for (const [id, fn] of lambdaFunctions()) {
        const environment = fn.Properties.Environment.Variables as Record<string, unknown>;
        expect(environment.GUARD_SECRET_PARAMETER, id).toBe(`/followup-guard/${STAGE}/secret`);
        expect(environment.TEAM_PARAMETER, id).toBe(`/followup-guard/${STAGE}/team`);
        expect(environment, id).not.toHaveProperty('GUARD_SECRET');
        const secretLooking = Object.keys(environment).filter((k) => /SECRET|PASSWORD|TOKEN|PRIVATE|API_KEY/.test(k) && !k.endsWith('_PARAMETER'));
        expect(secretLooking, id).toEqual([]);
      }
    });
  });

  describe('the packaged function zips', () => {
    const templateFiles = (folder: string, extension: string) =>
      readdirSync(join(ROOT, 'templates', folder))
        .filter((f) => f.endsWith(extension))
        .map((f) => `templates/${folder}/${f}`);
    const zips = () =>
      lambdaFunctions().map(([id, fn]) => {
        const zip = readFileSync(join(packageDir, basename(fn.Properties.Code.S3Key)));
        return { id, handler: fn.Properties.Handler as string, environment: fn.Properties.Environment.Variables, zip, entries: zipEntries(zip) };
      });

    it('carry the email and page templates with every function', () => {
      const expected = [...templateFiles('emails', '.mjml'), ...templateFiles('pages', '.hbs')];
      expect(expected.length).toBeGreaterThan(0);
      for (const { id, entries } of zips()) {
        const names = entries.map((e) => e.name);
        expect(names, id).toEqual(expect.arrayContaining(expected));
      }
    });

    it('stay under the Lambda limit of 250 MB unzipped', () => {
      for (const { id, entries } of zips()) {
        const unzippedBytes = entries.reduce((sum, e) => sum + e.size, 0);
        expect(unzippedBytes, id).toBeLessThan(LAMBDA_UNZIPPED_LIMIT_BYTES);
      }
    });

    it('hold handlers that load without a missing module and export a handler function', () => {
      const workDir = mkdtempSync(join(tmpdir(), 'followup-guard-handlers-'));
      try {
        const failures: string[] = [];
        for (const { id, handler, environment, zip, entries } of zips()) {
          const file = `${handler.slice(0, handler.lastIndexOf('.'))}.js`;
          const entry = entries.find((e) => e.name === file);
          if (!entry) {
            failures.push(`${id}: ${file} is not in the zip`);
            continue;
          }
          const target = join(workDir, id, file);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, zipRead(zip, entry));
          const exportName = handler.slice(handler.lastIndexOf('.') + 1);
          const probe = `const m = require(process.argv[1]); if (typeof m[process.argv[2]] !== 'function') throw new Error('no ' + process.argv[2] + ' export');`;
          const run = spawnSync(process.execPath, ['-e', probe, target, exportName], {
            cwd: join(workDir, id),
            encoding: 'utf8',
            timeout: 30_000,
            env: { PATH: process.env.PATH, ...(resolve(environment) as Record<string, string>), NODE_OPTIONS: '', AWS_REGION: REGION },
          });
          if (run.status !== 0) failures.push(`${id}: ${run.stderr.match(/^\w*Error.*$/m)?.[0] ?? run.stderr.slice(0, 300)}`);
        }
        expect(failures).toEqual([]);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});

describe('the worker concurrency of deploy/capacity.cjs', () => {
  const { workerConcurrency } = createRequire(import.meta.url)('../../deploy/capacity.cjs') as {
    workerConcurrency: (context: { resolveVariable: (name: string) => Promise<unknown> }) => Promise<number>;
  };
  const withSesRate = (rate: unknown) => ({
    resolveVariable: async (name: string) => {
      if (name !== 'self:custom.sesRate') throw new Error(`unexpected variable ${name}`);
      return rate;
    },
  });

  it.each([
    [14, 2],
    [95, 10],
    [10, 2],
    [11, 2],
    [25, 3],
    [1, 2],
    ['14', 2],
  ])('runs enough workers for an SES rate of %j messages/s: %i', async (rate, workers) => {
    await expect(workerConcurrency(withSesRate(rate))).resolves.toBe(workers);
  });

  it.each([0, -5, 'fast', undefined])('refuses an SES rate of %j', async (rate) => {
    await expect(workerConcurrency(withSesRate(rate))).rejects.toThrow(/custom\.sesRate must be a positive number/);
  });
});
