import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z
  .object({
    /** `local`: dynalite, aws-ses-v2-local, in-process queue, folders. `aws`: DynamoDB, SES, SQS, S3, SSM. */
    STACK: z.enum(['local', 'aws']).default('local'),
    PUBLIC_URL: z.string().url().default('http://localhost:3000').transform((u) => u.replace(/\/+$/, '')),
    /** The HMAC secret, locally; on AWS it is read from the SSM parameter GUARD_SECRET_PARAMETER. */
    GUARD_SECRET: z.string().min(32, 'GUARD_SECRET must be at least 32 characters').optional(),
    GUARD_SECRET_PARAMETER: z.string().optional(),
    SYSTEM_FROM: z.string().default('followup-guard <guard@localhost.localdomain>'),
    AWS_REGION: z.string().default('eu-west-3'),
    TABLE_NAME: z.string().default('followup-guard'),
    DYNAMODB_ENDPOINT: z.string().url().optional(),
    SES_ENDPOINT: z.string().url().optional(),
    SES_CONFIGURATION_SET: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
    QUEUE_URL: z.string().optional(),
    BUCKET_NAME: z.string().optional(),
    TEAM_FILE: z.string().default('team.json'),
    TEAM_PARAMETER: z.string().optional(),
    CHAT_WEBHOOK_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
    DATA_DIR: z.string().default('.data'),
    MAX_SEND_RATE_PER_SECOND: z.coerce.number().positive().default(14),
    WORKER_CONCURRENCY: positiveInt(2),
    BATCH_SIZE: positiveInt(50),
    CANARY_SIZE: z.coerce.number().int().nonnegative().default(10),
    CANARY_WINDOW_SECONDS: z.coerce.number().int().nonnegative().default(600),
    REVIEW_TTL_SECONDS: positiveInt(7 * 86_400),
    SIGN_IN_TTL_SECONDS: positiveInt(15 * 60),
    /** Sign-in links emailed to one member per 15 minutes, at most: the public sign-in form cannot flood an inbox. */
    SIGN_IN_LINKS_PER_15_MINUTES: positiveInt(5),
    SESSION_TTL_SECONDS: positiveInt(8 * 3600),
    WORKER_BUDGET_MS: positiveInt(12 * 60_000),
    /** The submit and check functions time out at 29 s (API Gateway's limit): parsing and storing need the rest. */
    CHECK_BUDGET_MS: positiveInt(20_000),
    FINISH_CHECK_DELAY_SECONDS: z.coerce.number().int().nonnegative().default(30),
  })
  .refine((c) => c.STACK === 'local' || c.GUARD_SECRET || c.GUARD_SECRET_PARAMETER, {
    message: 'on AWS, set GUARD_SECRET_PARAMETER (an SSM SecureString) or GUARD_SECRET',
    path: ['GUARD_SECRET_PARAMETER'],
  })
  .refine((c) => c.STACK === 'local' || (c.QUEUE_URL && c.BUCKET_NAME), {
    message: 'on AWS, QUEUE_URL and BUCKET_NAME are required',
    path: ['QUEUE_URL'],
  });

export type Config = z.output<typeof schema>;

/** Parses the environment once; a wrong setting stops the start with a message naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  throw new Error(`Invalid configuration: ${problems.join('; ')}`);
}
