import http from 'node:http';

/** One keep-alive pool per benchmark process: the load generator shares the api's two cores, so it stays lean. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * POSTs JSON and parses the JSON answer, over node:http with keep-alive. Chosen over `fetch` (undici) for the
 * load generator: on this machine fetch cost the client about twice the CPU per request, CPU the api under
 * test then did not get.
 */
export function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const target = new URL(url);
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
          } catch (e) {
            reject(new Error(`HTTP ${res.statusCode}: not JSON (${String(e)})`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
