/**
 * One bounded HTTP POST of a delivery. Errors name the status or the network failure, never the
 * URL: webhook URLs often carry tokens.
 */

/** Posts `body` as JSON; throws with a message fit for `radar alerts list` unless the receiver answers 2xx. */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect would re-send the body (and its signature) somewhere nobody configured.
      redirect: 'error',
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      throw new Error(`no answer from the receiver within ${Math.round(timeoutMs / 1000)} s`);
    throw new Error(`cannot reach the receiver: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
  }
  const text = await res.text().catch(() => '');
  if (res.status < 200 || res.status > 299) {
    throw new Error(`the receiver answered HTTP ${res.status}${text.trim() ? `: ${text.trim().replace(/\s+/g, ' ').slice(0, 200)}` : ''}`);
  }
}

/** The value of a secret held in an environment variable, or an error naming the variable to set. */
export function fromEnv(name: string, what: string, channel: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} (${what} of channel "${channel}") is not set`);
  return value;
}
