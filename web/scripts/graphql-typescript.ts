// TypeScript text for GraphQL types: enums, inputs, and the exact result shape of each operation
// (only the fields it selects, nullable where the schema says so). Used by graphql-codegen.ts.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

const SCALARS: Record<string, string> = {
  ID: 'string',
  String: 'string',
  DateTime: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
};

const isBuiltIn = (name: string) => name.startsWith('__');
const sortedTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap())
    .filter((t) => !isBuiltIn(t.name))
    .sort((a, b) => a.name.localeCompare(b.name));

function doc(description: string | null | undefined, indent: string): string {
  return description ? `${indent}/** ${description.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';
}

export function enumTypes(schema: GraphQLSchema): string {
  return sortedTypes(schema)
    .filter(isEnumType)
    .map((t) => `${doc(t.description, '')}export type ${t.name} = ${t.getValues().map((v) => `'${v.name}'`).join(' | ')};\n`)
    .join('\n');
}

function inputTs(type: GraphQLInputType): string {
  if (isNonNullType(type)) return inputTs(type.ofType).replace(/ \| null$/, '');
  if (isListType(type)) return `Array<${inputTs(type.ofType)}> | null`;
  return `${SCALARS[type.name] ?? (isScalarType(type) ? 'string' : type.name)} | null`;
}

export function inputTypes(schema: GraphQLSchema): string {
  return sortedTypes(schema)
    .filter(isInputObjectType)
    .map((t) => {
      const fields = Object.values(t.getFields()).map((f) => {
        const optional = !isNonNullType(f.type) || f.defaultValue !== undefined;
        return `${doc(f.description, '  ')}  ${f.name}${optional ? '?' : ''}: ${inputTs(f.type)};`;
      });
      return `${doc(t.description, '')}export interface ${t.name} {\n${fields.join('\n')}\n}\n`;
    })
    .join('\n');
}

/** Fragment definitions an operation uses, directly or through other fragments. */
export function usedFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'FragmentSpread') {
        const fragment = fragments.get(s.name.value);
        if (fragment && !found.has(fragment.name.value)) {
          found.set(fragment.name.value, fragment);
          visit(fragment.selectionSet);
        }
      } else visit(s.selectionSet);
    }
  };
  visit(operation.selectionSet);
  return [...found.values()];
}

/** The fields a selection set asks for, with fragments flattened and repeated fields merged. */
function collectFields(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visit = (s: SelectionSetNode) => {
    for (const selection of s.selections) {
      if (selection.kind === 'Field') {
        const key = selection.alias?.value ?? selection.name.value;
        out.set(key, [...(out.get(key) ?? []), selection]);
      } else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(set);
  return out;
}

function selectionTs(
  parent: GraphQLObjectType,
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  indent: string,
): string {
  const lines = [...collectFields(set, fragments)].map(([key, nodes]) => {
    const name = nodes[0].name.value;
    if (name === '__typename') return `${indent}  ${key}: '${parent.name}';`;
    const field = parent.getFields()[name];
    const merged: SelectionSetNode | undefined = nodes.some((n) => n.selectionSet)
      ? { kind: 'SelectionSet' as SelectionSetNode['kind'], selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) }
      : undefined;
    return `${doc(field.description, `${indent}  `)}${indent}  ${key}: ${outputTs(field.type, merged, fragments, `${indent}  `)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function outputTs(
  type: GraphQLOutputType,
  set: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  indent: string,
): string {
  if (isNonNullType(type)) return outputTs(type.ofType, set, fragments, indent).replace(/ \| null$/, '');
  if (isListType(type)) return `Array<${outputTs(type.ofType, set, fragments, indent)}> | null`;
  const named = getNamedType(type);
  if (isObjectType(named) && set) return `${selectionTs(named, set, fragments, indent)} | null`;
  if (isEnumType(named)) return `${named.name} | null`;
  return `${SCALARS[named.name] ?? 'string'} | null`;
}

function constantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

const KIND_SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/** `XQuery`/`XMutation`/`XSubscription`, `XVariables` and the typed `X` constant for one operation. */
export function operationTypes(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  documentText: string,
): string {
  const name = operation.name!.value;
  const root = schema.getRootType(operation.operation)!;
  const dataType = `${name}${KIND_SUFFIX[operation.operation]}`;
  const variables = (operation.variableDefinitions ?? []).map((v) => {
    const type = typeFromAST(schema, v.type as Parameters<typeof typeFromAST>[1]) as GraphQLInputType;
    const optional = !isNonNullType(type) || v.defaultValue !== undefined;
    return `  ${v.variable.name.value}${optional ? '?' : ''}: ${inputTs(type)};`;
  });
  const variablesType = variables.length > 0 ? `{\n${variables.join('\n')}\n}` : 'Record<string, never>';
  return [
    `export type ${dataType} = ${selectionTs(root, operation.selectionSet, fragments, '')};`,
    `export type ${name}Variables = ${variablesType};`,
    `export const ${constantCase(name)} = operation<${dataType}, ${name}Variables>(${JSON.stringify(documentText)});`,
    '',
  ].join('\n');
}
