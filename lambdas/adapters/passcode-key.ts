import type { Config } from '../config';
import { secretValue } from './secret-value';

/** The passcode hash key: PASSCODE_KEY locally, the Secrets Manager secret on AWS. */
export function passcodeKey(config: Config): Promise<string> {
  return secretValue({ name: 'passcode key', value: config.PASSCODE_KEY, arn: config.PASSCODE_KEY_SECRET_ARN });
}
