/**
 * Compile-time checks of the generated types: `npm run build` fails if any line marked
 * `@ts-expect-error` stops being an error, or any other line becomes one. Never run.
 */
import { SightlineClient, compareQuery, indicatorsQuery, observationsQuery, type ComparisonOutcome } from '@sightline/client';

export async function neverCalled(client: SightlineClient): Promise<void> {
  // Optional variables may be left out; required ones may not.
  await client.request(indicatorsQuery);
  // @ts-expect-error indicator, within and level are required
  await client.request(observationsQuery, { within: 'Z08000001', level: 'ward' });
  // @ts-expect-error the method is one of the ComparisonMethod values
  await client.request(compareQuery, { indicator: 'x', within: 'y', level: 'ward', method: 'MEAN' });

  const answer = await client.request(compareQuery, { indicator: 'x', within: 'y', level: 'ward', method: 'QUINTILES' });
  const outcome: ComparisonOutcome = answer.compare[0]!.outcome;
  const value: number | null = answer.compare[0]!.observation.value;
  // @ts-expect-error a value may be withheld (null): it is not a number
  const unchecked: number = answer.compare[0]!.observation.value;
  // @ts-expect-error count was not asked for in compareQuery
  answer.compare[0]!.observation.count;
  const geometry = answer.compare[0]!.observation.area.boundary;
  if (geometry?.type === 'MultiPolygon') {
    const ring: number[][] = geometry.coordinates[0]![0]!;
    void ring;
  }
  void outcome;
  void value;
  void unchecked;
}
