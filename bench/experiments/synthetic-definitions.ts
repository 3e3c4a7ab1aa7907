import {
  defineExperiment,
  PARAMETER_KEYS,
  PARAMETERS,
  type ExperimentDefinition,
  type ParameterKey,
} from '@peerlift/experiments';

/**
 * `count` valid running experiments spread evenly over the four parameters, each parameter's share in
 * disjoint slices of its namespace (as the registry requires), 2–3 arms each. Streak experiments
 * randomise classrooms like the real one; the rest randomise learners.
 */
export function syntheticDefinitions(count: number): ExperimentDefinition[] {
  const perParameter = Math.ceil(count / PARAMETER_KEYS.length);
  return Array.from({ length: count }, (_, i) => {
    const parameter = PARAMETER_KEYS[i % PARAMETER_KEYS.length];
    const slot = Math.floor(i / PARAMETER_KEYS.length);
    return synthetic(parameter, slot, perParameter);
  });
}

function synthetic(parameter: ParameterKey, slot: number, slots: number): ExperimentDefinition {
  const arms = slot % 2 === 0 ? 3 : 2;
  const values = armValues(parameter, slot, arms);
  const key = `bench-${parameter.replace('.', '-').toLowerCase()}-${slot}`;
  return defineExperiment({
    key,
    name: `Bench ${parameter} #${slot}`,
    hypothesis: 'Synthetic, for the assignment benchmark.',
    owner: 'bench',
    parameter,
    variations: values.map((value, arm) => ({ key: `arm-${arm}`, name: `Arm ${arm}`, value })),
    weights: Array.from({ length: arms }, () => 1 / arms),
    hashUnit: parameter === 'mastery.streakToProficient' ? 'classroom' : 'user',
    ...(parameter === 'mastery.streakToProficient' ? { condition: { classroomId: { $exists: true } } } : {}),
    primaryMetric: 'answers',
    guardrailMetrics: ['accuracy'],
    minimumDetectableEffect: 0.05,
    namespaceRange: [slot / slots, (slot + 1) / slots],
  });
}

function armValues(parameter: ParameterKey, slot: number, arms: number): (string | number)[] {
  const spec = PARAMETERS[parameter];
  if (spec.valueType === 'string') {
    return Array.from({ length: arms }, (_, arm) =>
      arm === 0 ? spec.defaultValue : `${spec.defaultValue} (${slot}.${arm})`,
    );
  }
  // Distinct integers within the parameter's range, the default first.
  const others = Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i).filter(
    (value) => value !== spec.defaultValue,
  );
  return [
    spec.defaultValue,
    ...Array.from({ length: arms - 1 }, (_, arm) => others[(slot * 2 + arm) % others.length]),
  ];
}
