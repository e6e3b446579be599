import type { TableKey } from '../resources/table-definitions';
import { TABLE_ACTIONS, type Needs } from './needs';

/** The names of the resources the needs refer to, as the clients see them in each call. */
export interface CallTargets {
  tables: Record<TableKey, string>;
  passcodeKeyArn?: string;
  letterKeyArn?: string;
  totpKeyArn?: string;
  /** Every handler reads it: CloudFront's secret header. */
  originVerifyArn?: string;
}

/** One AWS call as the SDK middleware sees it: the operation (`GetItem`) and its input. */
export interface Call {
  service: 'dynamodb' | 'cognito-idp' | 'ses' | 'secretsmanager';
  action: string;
  input: Record<string, unknown>;
}

/**
 * Whether the needs allow a call: the same rules IAM applies to the deployed role, so a handler
 * that touches something it did not declare fails its tests here, not in production.
 */
export function isDeclared(call: Call, needs: Needs, targets: CallTargets): boolean {
  switch (call.service) {
    case 'dynamodb': {
      const key = (Object.keys(targets.tables) as TableKey[]).find((k) => targets.tables[k] === call.input.TableName);
      const access = key && needs.tables[key];
      return Boolean(access && TABLE_ACTIONS[access].includes(call.action));
    }
    case 'cognito-idp':
      return (needs.userPoolActions ?? []).some((action) => action === call.action);
    case 'ses':
      return Boolean(needs.sendMail) && call.action === 'SendEmail';
    case 'secretsmanager': {
      const readable = [
        targets.originVerifyArn,
        needs.passcodeKey ? targets.passcodeKeyArn : undefined,
        needs.letterKey ? targets.letterKeyArn : undefined,
        needs.totpKey ? targets.totpKeyArn : undefined,
      ];
      return call.action === 'GetSecretValue' && readable.includes(call.input.SecretId as string);
    }
  }
}

export class UndeclaredCallError extends Error {}

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: object }) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: { input: object }) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/** Makes a client refuse, before anything is sent, every call its owner's needs do not declare. */
export function refuseUndeclared<C extends MiddlewareClient>(
  client: C,
  service: Call['service'],
  allowed: (call: Call) => boolean,
  owner: string,
): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const call: Call = {
        service,
        action: (context.commandName ?? '').replace(/Command$/, ''),
        input: args.input as Record<string, unknown>,
      };
      if (!allowed(call)) throw new UndeclaredCallError(`${owner} does not declare ${service}:${call.action} on ${targetOf(call)}`);
      return next(args);
    },
    { step: 'initialize', name: 'refuseUndeclaredCalls' },
  );
  return client;
}

const targetOf = (call: Call) => String(call.input.TableName ?? call.input.UserPoolId ?? call.input.SecretId ?? 'its target');
