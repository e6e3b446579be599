import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A stand-in for CloudWatch Logs on the local stack, where the ops command writes its audit trail
 * (no emulator for it is published on npm). It speaks the service's JSON protocol to the real SDK
 * client and keeps, in memory, just what the product uses: log groups, streams, events in order.
 */
type Events = { timestamp: number; message: string; ingestionTime: number }[];

const TARGET_PREFIX = 'Logs_20140328.';

class LogsError extends Error {
  constructor(
    readonly type: 'ResourceNotFoundException' | 'ResourceAlreadyExistsException' | 'InvalidParameterException',
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        ok(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (error) {
        fail(error);
      }
    });
    req.on('error', fail);
  });
}

export function createLogsEmulator(): Server {
  const groups = new Map<string, Map<string, Events>>();
  const group = (name: unknown) => {
    const found = groups.get(String(name));
    if (!found) throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return found;
  };
  const stream = (groupName: unknown, streamName: unknown) => {
    const found = group(groupName).get(String(streamName));
    if (!found) throw new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    return found;
  };

  const operations: Record<string, (input: Record<string, unknown>) => unknown> = {
    CreateLogGroup({ logGroupName }) {
      if (groups.has(String(logGroupName))) throw new LogsError('ResourceAlreadyExistsException', 'The specified log group already exists');
      groups.set(String(logGroupName), new Map());
      return {};
    },
    DeleteLogGroup({ logGroupName }) {
      group(logGroupName);
      groups.delete(String(logGroupName));
      return {};
    },
    CreateLogStream({ logGroupName, logStreamName }) {
      const streams = group(logGroupName);
      if (streams.has(String(logStreamName)))
        throw new LogsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
      streams.set(String(logStreamName), []);
      return {};
    },
    PutLogEvents({ logGroupName, logStreamName, logEvents }) {
      const events = stream(logGroupName, logStreamName);
      if (!Array.isArray(logEvents) || logEvents.length === 0) throw new LogsError('InvalidParameterException', 'logEvents is empty');
      for (const { timestamp, message } of logEvents as { timestamp: number; message: string }[]) {
        events.push({ timestamp, message, ingestionTime: Date.now() });
      }
      return {};
    },
    DescribeLogStreams({ logGroupName }) {
      return { logStreams: [...group(logGroupName).keys()].map((logStreamName) => ({ logStreamName })) };
    },
    GetLogEvents({ logGroupName, logStreamName }) {
      return { events: stream(logGroupName, logStreamName), nextForwardToken: 'f/end', nextBackwardToken: 'b/end' };
    },
  };

  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
    };
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? operations[target.slice(TARGET_PREFIX.length)] : undefined;
    try {
      const input = await readJson(req);
      if (!operation) throw new LogsError('InvalidParameterException', `Unsupported operation ${target}`);
      answer(200, operation(input));
    } catch (error) {
      const known = error instanceof LogsError;
      answer(400, { __type: known ? error.type : 'SerializationException', message: (error as Error).message });
    }
  });
}
