// Public entry of @peerlift/experiments: experiment definitions as code, the GrowthBook payload
// compiler, and the statistics that read the results. Pure code: no I/O except `cli.ts`, which is
// deliberately not exported here (import it by path to run it).

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
