import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { print } from 'graphql';
import {
  ComparisonOutcome,
  DisclosureStatus,
  SightlineClient,
  TrendClassification,
  compareQuery,
  indicatorsQuery,
  observationsQuery,
  rankQuery,
  trendQuery,
} from '@sightline/client';
import { GRAPHQL, rawGraphQl } from './server.js';

const DISTRICT = 'Z08000001';

/** Every value of an enum of the running server's schema, by introspection. */
async function enumValuesOnTheServer(name: string): Promise<string[]> {
  const answer = await rawGraphQl(`query($name: String!) { __type(name: $name) { enumValues { name } } }`, { name });
  return answer.data.__type.enumValues.map((v: { name: string }) => v.name).sort();
}

describe('typed documents against the running server', () => {
  test('the typed observations of the wards of a district are the rows a raw fetch of the same query gets', async () => {
    const partner = new SightlineClient({ url: GRAPHQL, apiKey: 'demo-partner' });
    const variables = { indicator: 'demo-service-contacts', within: DISTRICT, level: 'ward', breakdown: ['sex'] };
    const typed = await partner.request(observationsQuery, variables);
    const raw = await rawGraphQl(print(observationsQuery), variables, 'demo-partner');
    assert.equal(raw.errors, undefined);

    const rows = typed.observations.edges.map((e) => e.node);
    const rawRows = raw.data.observations.edges.map((e: { node: unknown }) => e.node);
    assert.ok(rows.length > 0);
    assert.equal(rows.length, typed.observations.totalCount);
    assert.equal(typed.observations.totalCount, raw.data.observations.totalCount);
    assert.deepEqual(rows.map((r) => [r.area.code, r.period.code, r.characteristics.map((c) => c.code).join(','), r.count, r.value, r.disclosure.status]),
      rawRows.map((r: any) => [r.area.code, r.period.code, r.characteristics.map((c: any) => c.code).join(','), r.count, r.value, r.disclosure.status]));

    // The rows are about exactly the district's wards, each broken down by sex, as another question lists them.
    const wards = await rawGraphQl(`{ areas(type: "ward", within: "${DISTRICT}", first: 1000) { edges { node { code } } } }`, {});
    const wardCodes: string[] = wards.data.areas.edges.map((e: { node: { code: string } }) => e.node.code).sort();
    assert.deepEqual([...new Set(rows.map((r) => r.area.code))].sort(), wardCodes);
    for (const row of rows) {
      assert.equal(row.characteristics.length, 1);
      assert.equal(row.characteristics[0]!.type, 'sex');
      assert.ok(Object.values(DisclosureStatus).includes(row.disclosure.status), row.disclosure.status);
      // What a dashboard relies on: a withheld number is null, never zero, and says why.
      assert.equal(row.count === null, row.disclosure.status === 'SUPPRESSED');
      if (row.disclosure.status !== 'EXACT') {
        assert.ok(row.disclosure.reason, `a ${row.disclosure.status} row says why`);
      }
    }
  });

  test('compare answers outcomes among the schema enum values, read with the indicator polarity', async () => {
    // The generated constant lists exactly the running server's values (codegen:check ties it to the schema files).
    assert.deepEqual(Object.values(ComparisonOutcome).sort(), await enumValuesOnTheServer('ComparisonOutcome'));

    const client = new SightlineClient({ url: GRAPHQL });
    const catalogue = await client.request(indicatorsQuery, { first: 100 });
    const polarityOf = new Map(catalogue.indicators.edges.map((e) => [e.node.id, e.node.polarity]));
    for (const indicator of ['demo-emergency-admissions', 'demo-service-contacts']) {
      const answer = await client.request(compareQuery, { indicator, within: DISTRICT, level: 'ward', zoom: 9 });
      assert.ok(answer.compare.length > 0);
      const allowed: ComparisonOutcome[] = polarityOf.get(indicator) === 'NO_JUDGEMENT'
        ? ['HIGHER', 'SIMILAR', 'LOWER', 'NOT_COMPARED']
        : ['BETTER', 'SIMILAR', 'WORSE', 'NOT_COMPARED'];
      for (const comparison of answer.compare) {
        assert.ok(allowed.includes(comparison.outcome), `${indicator}: ${comparison.outcome} for polarity ${polarityOf.get(indicator)}`);
        // A withheld value is never placed.
        if (comparison.observation.value === null) {
          assert.equal(comparison.outcome, 'NOT_COMPARED');
        }
        const boundary = comparison.observation.area.boundary;
        if (boundary !== null) {
          assert.ok(['Polygon', 'MultiPolygon'].includes(boundary.type), boundary.type);
        }
      }
    }
  });

  test('trend and rank answer in the generated types', async () => {
    assert.deepEqual(Object.values(TrendClassification).sort(), await enumValuesOnTheServer('TrendClassification'));
    const client = new SightlineClient({ url: GRAPHQL });
    const trend = await client.request(trendQuery, { indicator: 'demo-emergency-admissions', areas: [DISTRICT] });
    assert.equal(trend.trend.length, 1);
    const series = trend.trend[0]!;
    assert.equal(series.area.code, DISTRICT);
    assert.ok(Object.values(TrendClassification).includes(series.recentTrend));
    const periods = series.points.map((p) => p.period.start);
    assert.deepEqual(periods, [...periods].sort(), 'points oldest first');
    const first = series.points[0]!.value;
    const last = series.points[series.points.length - 1]!.value;
    if (first !== null && last !== null && series.change !== null) {
      assert.ok(Math.abs(series.change - (last - first)) < 1e-9, `change ${series.change} = last - first`);
    }

    const ranked = await client.request(rankQuery, { indicator: 'demo-emergency-admissions', within: DISTRICT, level: 'ward' });
    const ranks = ranked.rank.filter((r) => r.rank !== null);
    assert.ok(ranks.length > 0);
    // Rank 1 is the greatest need: for a LOWER_IS_BETTER rate, the highest value.
    const byRank = [...ranks].sort((a, b) => a.rank! - b.rank!);
    for (let i = 1; i < byRank.length; i++) {
      assert.ok(byRank[i - 1]!.observation.value! >= byRank[i]!.observation.value!);
    }
  });
});
