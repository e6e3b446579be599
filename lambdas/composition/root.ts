import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditLogger, type StructuredLogger } from '../adapters/audit-logger';
import type { CognitoIdentity } from '../adapters/cognito-identity';
import { AccountsTable } from '../adapters/dynamodb/accounts-table';
import { CodeFactorsTable } from '../adapters/dynamodb/code-factors-table';
import { FactorsTable } from '../adapters/dynamodb/factors-table';
import { LimitsTable } from '../adapters/dynamodb/limits-table';
import { PasskeysTable } from '../adapters/dynamodb/passkeys-table';
import { RequestsTable } from '../adapters/dynamodb/requests-table';
import { SessionsTable } from '../adapters/dynamodb/sessions-table';
import { StepsTable } from '../adapters/dynamodb/steps-table';
import { SecretReader } from '../adapters/secret-value';
import type { SesMailer } from '../adapters/ses-mailer';
import { systemClock, systemRandom } from '../adapters/system';
import type { MailWording } from '../domain/emails/common';
import type { PasskeyCeremonies } from '../domain/ports';
import type { AdapterContext, AdapterFactory } from './adapters/context';
import { isDeclared, refuseUndeclared, type Call } from './declared-calls';
import type { Needs } from './needs';
import type { Resources, Rules } from './resources';

/**
 * Everything a use case may be given, under the names the use cases' Deps use: a use case takes
 * this object as its deps and touches only what it reads.
 */
export interface Collaborators extends Rules {
  readonly accounts: AccountsTable;
  readonly requests: RequestsTable;
  readonly sessions: SessionsTable;
  readonly limits: LimitsTable;
  readonly factors: FactorsTable;
  readonly steps: StepsTable;
  /** The passkeys' items of the factors table. */
  readonly passkeys: PasskeysTable;
  readonly ceremonies: PasskeyCeremonies;
  readonly codeFactors: CodeFactorsTable;
  readonly identity: CognitoIdentity;
  readonly mailer: SesMailer;
  readonly audit: AuditLogger;
  readonly clock: typeof systemClock;
  readonly random: typeof systemRandom;
  readonly siteUrl: string;
  readonly wording: MailWording;
  /** Read by `ready()` when the needs declare them. */
  readonly passcodeKey: string;
  readonly letterKey: string;
  readonly totpKey: string;
}

export interface Composition {
  readonly deps: Collaborators;
  /** Reads the secrets the needs declare (once; a failed read is tried again next time). */
  ready(): Promise<Collaborators>;
  /** CloudFront's secret header value, when one is configured. */
  readonly originSecret?: () => Promise<string>;
}

/**
 * The adapters that bring a large library (an SDK client, the WebAuthn verifier), given by the
 * function's entry as factories from `./adapters/`: a bundle holds only the ones its entry
 * imports, which a getter object could not let a bundler drop.
 */
export interface Adapters {
  readonly identity?: AdapterFactory<CognitoIdentity>;
  readonly mailer?: AdapterFactory<SesMailer>;
  readonly ceremonies?: AdapterFactory<PasskeyCeremonies>;
}

export interface CompositionInput {
  readonly resources: Resources;
  readonly needs: Needs;
  readonly adapters: Adapters;
  /**
   * Narrower needs for the call in progress (a function serving several routes passes the
   * route's own): its clients refuse what the route did not declare, as a route's own function would.
   */
  readonly narrowedTo?: () => Needs | undefined;
  /** Who the collaborators serve, named in a refusal: `login`, `ops`. */
  readonly owner: string;
  readonly logger: StructuredLogger;
  readonly region?: string;
}

/** A value built on first use and kept: a handler pays only for the clients it touches. */
function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not configured`);
  return value;
}

/**
 * The one composition root: a plain description of the resources becomes lazily built
 * collaborators. Every AWS client it builds refuses the calls the needs do not declare — the same
 * declaration the deployed roles are granted from — so the two cannot drift apart.
 */
export function compose({ resources, needs, adapters, narrowedTo, owner, logger, region }: CompositionInput): Composition {
  const targets = {
    tables: resources.tables,
    passcodeKeyArn: resources.secrets.passcodeKey?.arn,
    letterKeyArn: resources.secrets.letterKey?.arn,
    totpKeyArn: resources.secrets.totpKey?.arn,
    originVerifyArn: resources.secrets.originVerify?.arn,
  };
  const allowed = (call: Call) => {
    const narrower = narrowedTo?.();
    return isDeclared(call, needs, targets) && (!narrower || isDeclared(call, narrower, targets));
  };
  const config = region ? { region } : {};
  const context: AdapterContext = { resources, clientConfig: config, allowed, owner };
  const adapter = <T>(factory: AdapterFactory<T> | undefined, what: string) =>
    lazy(() => required(factory, `${owner}: ${what} (not among the adapters its entry composes)`)(context));
  const dynamodb = lazy(() =>
    DynamoDBDocumentClient.from(refuseUndeclared(new DynamoDBClient(config), 'dynamodb', allowed, owner), {
      marshallOptions: { removeUndefinedValues: true },
    }),
  );
  const secretReader = new SecretReader(lazy(() => refuseUndeclared(new SecretsManagerClient(config), 'secretsmanager', allowed, owner)));

  const mail = () => required(resources.mail, 'mail');
  const table = <T>(make: (client: DynamoDBDocumentClient, name: string) => T, key: keyof Resources['tables']) =>
    lazy(() => make(dynamodb(), resources.tables[key]));
  const accounts = table((c, n) => new AccountsTable(c, n), 'accounts');
  const requests = table((c, n) => new RequestsTable(c, n), 'requests');
  const sessions = table((c, n) => new SessionsTable(c, n), 'sessions');
  const limits = table((c, n) => new LimitsTable(c, n), 'limits');
  const factors = table((c, n) => new FactorsTable(c, n), 'factors');
  const steps = table((c, n) => new StepsTable(c, n), 'steps');
  const passkeys = table((c, n) => new PasskeysTable(c, n), 'factors');
  const codeFactors = table((c, n) => new CodeFactorsTable(c, n), 'factors');
  const identity = adapter(adapters.identity, 'the identity adapter');
  const mailer = adapter(adapters.mailer, 'the mailer');
  const ceremonies = adapter(adapters.ceremonies, 'the passkey ceremonies');
  const audit = new AuditLogger(logger);

  const secrets: { passcodeKey?: string; letterKey?: string; totpKey?: string } = {};
  const deps: Collaborators = {
    ...resources.rules,
    get accounts() {
      return accounts();
    },
    get requests() {
      return requests();
    },
    get sessions() {
      return sessions();
    },
    get limits() {
      return limits();
    },
    get factors() {
      return factors();
    },
    get steps() {
      return steps();
    },
    get passkeys() {
      return passkeys();
    },
    get ceremonies() {
      return ceremonies();
    },
    get codeFactors() {
      return codeFactors();
    },
    get identity() {
      return identity();
    },
    get mailer() {
      return mailer();
    },
    audit,
    clock: systemClock,
    random: systemRandom,
    get siteUrl() {
      return required(resources.siteUrl, 'the site URL');
    },
    get wording() {
      return mail().wording;
    },
    get passcodeKey() {
      return required(secrets.passcodeKey, `${owner}: the passcode key (declared and read by ready())`);
    },
    get letterKey() {
      return required(secrets.letterKey, `${owner}: the letter key (declared and read by ready())`);
    },
    get totpKey() {
      return required(secrets.totpKey, `${owner}: the TOTP key (declared and read by ready())`);
    },
  };

  const originVerify = resources.secrets.originVerify;
  return {
    deps,
    async ready() {
      if (needs.passcodeKey) secrets.passcodeKey ??= await secretReader.value('passcode key', resources.secrets.passcodeKey);
      if (needs.totpKey) secrets.totpKey ??= await secretReader.value('TOTP key', resources.secrets.totpKey);
      if (needs.letterKey) secrets.letterKey ??= await secretReader.value('letter key', resources.secrets.letterKey);
      return deps;
    },
    originSecret: originVerify ? () => secretReader.value('origin verify', originVerify) : undefined,
  };
}

/** The collaborators plus a caller's own values, without building every collaborator as a spread would. */
export function withExtras<T extends object>(deps: Collaborators, extras: T): Collaborators & T {
  return Object.assign(Object.create(deps) as Collaborators, extras);
}
