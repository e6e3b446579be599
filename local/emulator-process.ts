/**
 * The emulators' own process. cognito-local resolves `./.cognito` against the working directory
 * whenever it touches a pool, so it gets a process whose directory is its state folder.
 * Prints one JSON line with the endpoints when ready (or, when a port is taken, one naming it);
 * stops on SIGINT/SIGTERM or when its parent goes away.
 */
import { startEmulators } from './emulators';
import { PortInUseError } from './ports';

async function main() {
  const ports = JSON.parse(process.argv[2] ?? '{}');
  const emulators = await startEmulators(ports);
  const stop = () => {
    // A client that keeps a connection open must not keep this process alive after its parent.
    setTimeout(() => process.exit(0), 2000).unref();
    return emulators.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.stdout.write(`${JSON.stringify({ ready: true, endpoints: emulators.endpoints })}\n`);
}

main().catch((error) => {
  if (error instanceof PortInUseError) {
    process.stdout.write(`${JSON.stringify({ portInUse: { option: error.option, port: error.port } })}\n`);
    process.exit(1);
  }
  process.stderr.write(`emulators failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
