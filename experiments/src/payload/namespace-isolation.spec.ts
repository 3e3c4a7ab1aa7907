import { pointsPerCorrectAnswer } from '../definitions/points-per-correct-answer';
import { defineExperiment } from '../experiment-definition';
import { compileFeaturesPayload } from './compile-features-payload';
import { hashV2Bucket } from './hash-v2-bucket';
import { learnerIds, loadClient, running, valueFor } from './sdk-test-client';

const IDS = learnerIds(6000);

// Two experiments on one parameter, in disjoint slices of its namespace (test fixtures, not shipped).
const lowPoints = defineExperiment({
  ...pointsPerCorrectAnswer,
  key: 'points-low-slice',
  variations: [
    { key: 'points-15', name: '15', value: 15 },
    { key: 'points-12', name: '12', value: 12 },
  ],
  weights: [0.5, 0.5],
  namespaceRange: [0, 0.4],
});
const highPoints = defineExperiment({
  ...lowPoints,
  key: 'points-high-slice',
  variations: [
    { key: 'points-15', name: '15', value: 15 },
    { key: 'points-20', name: '20', value: 20 },
  ],
  namespaceRange: [0.4, 1],
});

describe('namespaces', () => {
  it('never puts a unit in two experiments on one parameter, and fills each slice in proportion', () => {
    const perExperiment = [lowPoints, highPoints].map((definition) => {
      const { client, exposures } = loadClient(
        compileFeaturesPayload([lowPoints, highPoints], [running(definition.key)]),
      );
      IDS.forEach((id) => valueFor(client, 'points.correctAnswer', { id }));
      client.destroy();
      return new Set(exposures.map((exposure) => exposure.id));
    });
    const [low, high] = perExperiment;
    expect([...low].filter((id) => high.has(id))).toEqual([]);
    expect(Math.abs(low.size / IDS.length - 0.4)).toBeLessThan(0.025);
    expect(Math.abs(high.size / IDS.length - 0.6)).toBeLessThan(0.025);
    expect(low.size + high.size).toBe(IDS.length);
    for (const id of low) expect(hashV2Bucket('ns-points.correctAnswer', id as string)).toBeLessThan(0.4);
  });

  it('exposes each unit to exactly one of them when both run', () => {
    const payload = compileFeaturesPayload(
      [lowPoints, highPoints],
      [running('points-low-slice'), running('points-high-slice')],
    );
    const { client, exposures } = loadClient(payload);
    IDS.forEach((id) => valueFor(client, 'points.correctAnswer', { id }));
    expect(exposures).toHaveLength(IDS.length);
    expect(new Set(exposures.map((exposure) => exposure.id)).size).toBe(IDS.length);
    client.destroy();
  });
});
