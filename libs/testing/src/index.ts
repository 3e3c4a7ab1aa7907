export * from './graphql-request';
export * from './learner-factory';
