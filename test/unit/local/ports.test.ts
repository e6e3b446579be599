import { createServer, type Server } from 'node:net';
import { checkPortFree, holdPort, PortInUseError, PortSettingError, portInUseMessage, portsFromEnvironment } from '../../../local/ports';

describe('the ports npm start reads from the environment', () => {
  it('defaults to the site on 3000, the mailbox on 8005 and any free port for the emulators', () => {
    expect(portsFromEnvironment({})).toEqual({ port: 3000, mailboxPort: 8005, dynamodbPort: 0, cognitoPort: 0 });
  });

  it('takes each port from its own variable', () => {
    expect(portsFromEnvironment({ PORT: '3300', MAILBOX_PORT: '8305', DYNAMODB_PORT: '8300', COGNITO_PORT: ' 9300 ' })).toEqual({
      port: 3300,
      mailboxPort: 8305,
      dynamodbPort: 8300,
      cognitoPort: 9300,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(portsFromEnvironment({ PORT: '', MAILBOX_PORT: '' })).toMatchObject({ port: 3000, mailboxPort: 8005 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT=abc is not a port: use a number from 1 to 65535.'],
    [{ PORT: '0' }, 'PORT=0 is not a port: use a number from 1 to 65535.'],
    [{ MAILBOX_PORT: '70000' }, 'MAILBOX_PORT=70000 is not a port: use a number from 0 to 65535 (0: any free port).'],
    [{ DYNAMODB_PORT: '-1' }, 'DYNAMODB_PORT=-1 is not a port: use a number from 0 to 65535 (0: any free port).'],
    [{ COGNITO_PORT: '9229.5' }, 'COGNITO_PORT=9229.5 is not a port: use a number from 0 to 65535 (0: any free port).'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => portsFromEnvironment(env)).toThrow(new PortSettingError(message));
  });
});

describe('a port in use', () => {
  it('is named with the variable that moves it and a free one to try', () => {
    expect(portInUseMessage(new PortInUseError('port', 3000), 3001)).toBe(
      'port 3000 (the site) is in use: set PORT=… to use another, e.g. `PORT=3001 npm start`.',
    );
    expect(portInUseMessage(new PortInUseError('mailboxPort', 8005))).toBe(
      'port 8005 (the mailbox) is in use: set MAILBOX_PORT=… to use another.',
    );
    expect(portInUseMessage(new PortInUseError('dynamodbPort', 8000))).toContain('set DYNAMODB_PORT=…');
    expect(portInUseMessage(new PortInUseError('cognitoPort', 9229))).toContain('set COGNITO_PORT=…');
  });

  describe('on this machine', () => {
    let taken: Server;
    let takenPort: number;
    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', () => ok()));
      takenPort = (taken.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((ok) => taken.close(() => ok())));

    it('is found before anything starts', async () => {
      await expect(checkPortFree(takenPort, 'mailboxPort')).rejects.toEqual(new PortInUseError('mailboxPort', takenPort));
      await expect(holdPort(takenPort, 'port')).rejects.toBeInstanceOf(PortInUseError);
    });

    it('is held until released, and free again afterwards', async () => {
      const free = createServer();
      await new Promise<void>((ok) => free.listen(0, '127.0.0.1', () => ok()));
      const port = (free.address() as { port: number }).port;
      await new Promise<void>((ok) => free.close(() => ok()));

      const held = await holdPort(port, 'port');
      await expect(checkPortFree(port, 'port')).rejects.toBeInstanceOf(PortInUseError);
      await held.release();
      await held.release();
      await expect(checkPortFree(port, 'port')).resolves.toBeUndefined();
    });
  });
});
