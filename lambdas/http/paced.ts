/**
 * Runs `work` and answers no sooner than `floorMs` after the start, success or failure alike:
 * where one path sends mail and the other does nothing, the time taken must not tell them apart.
 */
export async function paced<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    const left = floorMs - (Date.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

/** Above what sending two emails through SES usually takes. */
export const MAIL_REQUEST_FLOOR_MS = 700;
