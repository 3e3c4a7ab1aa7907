export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** POSTs one GraphQL operation as a browser would (JSON body, optional bearer token). */
export async function graphqlRequest<T>(
  endpoint: string,
  op: {
    query: string;
    variables?: Record<string, unknown>;
    token?: string;
    headers?: Record<string, string>;
  },
): Promise<GraphQLResponse<T>> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(op.token ? { authorization: `Bearer ${op.token}` } : {}),
      ...op.headers,
    },
    body: JSON.stringify({ query: op.query, variables: op.variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/** The stable error code of the first error, or undefined when the operation succeeded. */
export function errorCode(res: GraphQLResponse<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
