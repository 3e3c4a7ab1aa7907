// Public entry of @peerlift/experiments: experiment definitions as code, the GrowthBook payload
// compiler, the statistics that read the results, and the SQL every process reads state, exposures and
// metrics with. No drivers or frameworks: functions that touch a database or Redis take the query or
// command function as a parameter (`SqlQuery`, `ExposureDedupStore`). The CLI (`cli.ts`, `run-cli.ts`)
// is deliberately not exported here.

export {
  PARAMETERS,
  PARAMETER_KEYS,
  isParameterKey,
  parameterValueProblem,
  parameterSeparatesLeagueCohorts,
  type ParameterKey,
  type ParameterSpec,
  type ParameterValue,
} from './parameter-catalogue';
export {
  METRICS,
  METRIC_KEYS,
  isMetricKey,
  type MetricKey,
  type MetricSpec,
  type MetricType,
  type MetricDirection,
} from './metric-catalogue';
export {
  HASH_ATTRIBUTE,
  defineExperiment,
  experimentSeed,
  namespaceSeed,
  type ExperimentDefinition,
  type ExperimentVariation,
  type ExperimentState,
  type ExperimentStatus,
  type HashAttribute,
  type HashUnit,
} from './experiment-definition';
export {
  validateExperimentDefinitions,
  assertValidExperimentDefinitions,
  WEIGHT_SUM_TOLERANCE,
  type DefinitionIssue,
} from './validate-experiment-definitions';
export {
  EXPERIMENT_DEFINITIONS,
  createExperimentRegistry,
  findExperimentDefinition,
} from './experiment-registry';
export { correctFeedbackWording } from './definitions/correct-feedback-wording';
export { pointsPerCorrectAnswer } from './definitions/points-per-correct-answer';
export { stuckPromptPeerInvite } from './definitions/stuck-prompt-peer-invite';
export { proficiencyStreakLength } from './definitions/proficiency-streak-length';

export {
  compileFeaturesPayload,
  type FeaturesPayload,
  type ParameterFeature,
  type ExperimentRule,
  type WinnerRule,
  type NamespaceFilter,
} from './payload/compile-features-payload';
export { hashV2Bucket, fnv1a32 } from './payload/hash-v2-bucket';

export { summaryMean, summaryVariance, type VariationSummary } from './statistics/variation-summary';
export {
  effectMoments,
  type Comparison,
  type DifferenceType,
  type EffectError,
  type EffectMoments,
} from './statistics/effect-moments';
export {
  welchTTest,
  welchDegreesOfFreedom,
  defaultFrequentistResult,
  type FrequentistOptions,
  type FrequentistResult,
} from './statistics/welch-t-test';
export {
  sequentialTTest,
  sequentialRho,
  DEFAULT_SEQUENTIAL_TUNING,
  type SequentialOptions,
} from './statistics/sequential-t-test';
export {
  bayesianEffectTest,
  normalRisk,
  defaultBayesianResult,
  type BayesianOptions,
  type BayesianResult,
  type GaussianPrior,
} from './statistics/bayesian-effect-test';
export { srmPValue, hasSampleRatioMismatch, SRM_P_VALUE_THRESHOLD } from './statistics/sample-ratio-mismatch';
export {
  holmBonferroni,
  benjaminiHochberg,
  adjustPValues,
  type PValueCorrection,
} from './statistics/multiple-testing';
export {
  analyzeExperiment,
  type AnalyzeExperimentInput,
  type ExperimentAnalysis,
  type NamedVariationSummary,
  type VariationAnalysis,
  type Verdict,
} from './statistics/analyze-experiment';

export {
  analysisInputSchema,
  parseAnalysisInput,
  analysisReport,
  type AnalysisInput,
  type AnalysisReport,
  type AnalysisReportRow,
  type ParsedAnalysisInput,
} from './analysis-input';
export { renderLiftChartSvg, type LiftChartRow, type LiftChartOptions } from './lift-chart-svg';

export { canonicalJson, definitionHash, definitionChange, type DefinitionChange } from './definition-hash';
export {
  loadExperimentRecords,
  toRecord,
  iso,
  type ExperimentRecord,
  type SqlQuery,
} from './store/experiment-records';
export {
  activeConfiguration,
  withRecord,
  codeDiffersFromLocked,
  type ActiveConfiguration,
} from './store/active-configuration';
export {
  METRIC_SQL,
  EXPOSURE_TABLES,
  metricSummariesSql,
  exposureCountsSql,
  type MetricSql,
} from './results/metric-sql';
export {
  buildExperimentResults,
  metricOrder,
  type ExperimentResults,
  type ExperimentResultsInput,
  type ExposureRow,
  type GuardrailStatus,
  type MetricInput,
  type MetricResult,
  type MetricRole,
  type MetricSummaryRow,
} from './results/experiment-results';
export { decide, type Decision } from './results/decision-hint';
export { loadExperimentResults, loadPhase, existingTables } from './results/load-experiment-results';
export { renderResultsTable } from './results/results-table';
export {
  ExposurePipeline,
  INSERT_EXPOSURES_SQL,
  exposureColumns,
  type Exposure,
  type ExposureDedupStore,
  type ExposurePipelineOptions,
} from './exposures/exposure-pipeline';
