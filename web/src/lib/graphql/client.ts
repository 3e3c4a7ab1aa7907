// A tiny typed GraphQL-over-HTTP client: one POST per operation, same origin.
// Deliberately not Apollo/urql: the app needs no normalised cache and the first page must stay small.

/** A GraphQL document tagged with the types of its result and variables (phantom fields, never set). */
export interface Operation<TData, TVariables> {
  readonly document: string;
  readonly operationName: string;
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

export type NoVariables = Record<string, never>;

export function operation<TData, TVariables = NoVariables>(document: string): Operation<TData, TVariables> {
  const name = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)?.[1];
  if (!name) throw new Error('GraphQL operations must be named');
  return { document, operationName: name };
}

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The server answered and said no. `message` is written for people; show it. */
export class GraphQLRequestError extends Error {
  readonly code: string;

  constructor(readonly errors: readonly GraphQLErrorEntry[]) {
    super(errors[0]?.message ?? 'Something went wrong.');
    this.name = 'GraphQLRequestError';
    this.code = errors[0]?.extensions?.code ?? 'UNKNOWN';
  }
}

/** The request may not have reached the server (offline, proxy error, 5xx). Safe to retry idempotent calls. */
export class NetworkError extends Error {
  constructor(readonly detail: string) {
    super("Can't reach Peerlift right now. Check your connection and try again.");
    this.name = 'NetworkError';
  }
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof GraphQLRequestError ? error.code : undefined;
}

/** A message fit for the screen, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof GraphQLRequestError || error instanceof NetworkError) return error.message;
  return 'Something went wrong. Please try again.';
}

export interface ExecuteOptions {
  token?: string | null;
  signal?: AbortSignal;
  endpoint?: string;
  fetch?: typeof fetch;
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
}

export async function execute<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  options: ExecuteOptions = {},
): Promise<TData> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: op.document, operationName: op.operationName, variables }),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new NetworkError(cause instanceof Error ? cause.message : String(cause));
  }

  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    // A proxy's HTML error page or a dropped connection mid-body.
    throw new NetworkError(`HTTP ${response.status} without a GraphQL body`);
  }

  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (response.status >= 500) throw new NetworkError(`HTTP ${response.status}`);
  if (!response.ok || body.data == null) {
    throw new GraphQLRequestError([{ message: 'The server sent an unexpected answer.', extensions: { code: `HTTP_${response.status}` } }]);
  }
  return body.data;
}
