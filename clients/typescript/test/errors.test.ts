import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SightlineClient, SightlineError, observationsQuery } from '@sightline/client';
import { GRAPHQL } from './server.js';

/** The SightlineError a promise is rejected with (fails when it resolves or throws anything else). */
async function refusal(promise: Promise<unknown>): Promise<SightlineError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof SightlineError, `expected a SightlineError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the request to be refused');
}

describe('errors', () => {
  test('a level finer than the caller may see is FORBIDDEN, with the rule in the message', async () => {
    const question = { indicator: 'demo-service-contacts', within: 'Z08000001', level: 'lsoa' };
    const error = await refusal(new SightlineClient({ url: GRAPHQL }).request(observationsQuery, question));
    assert.equal(error.classification, 'FORBIDDEN');
    assert.match(error.message, /lsoa/);
    assert.match(error.message, /PUBLIC/);
    assert.deepEqual(error.errors[0]!.path, ['observations']);
    assert.equal(error.data, undefined, 'a refusal carries no number');

    // The owning steward may ask the same question.
    const steward = await new SightlineClient({ url: GRAPHQL, apiKey: 'demo-steward' }).request(observationsQuery, question);
    assert.ok(steward.observations.totalCount > 0);
  });

  test('a query that does not fit the schema, or does not parse, is a typed error with the status', async () => {
    const client = new SightlineClient({ url: GRAPHQL });
    const invalid = await refusal(client.request('{ indicators { nonsense } }'));
    assert.equal(invalid.classification, 'ValidationError');
    assert.equal(invalid.status, 400);
    assert.match(invalid.message, /nonsense/);

    const unparsable = await refusal(client.request('{ indicators { totalCount }'));
    assert.equal(unparsable.classification, 'InvalidSyntax');
    assert.equal(unparsable.status, 400);

    const wrongVariables = await refusal(client.request(observationsQuery,
      // @ts-expect-error level must be a String: the generated types refuse it before the server does
      { indicator: 'demo-population', within: 'Z08000001', level: 7 }));
    assert.equal(wrongVariables.status, 400);
  });

  test('an unknown API key is refused with the REST error body classification', async () => {
    const error = await refusal(new SightlineClient({ url: GRAPHQL, apiKey: 'not-a-key' }).request('{ areaTypes { code } }'));
    assert.equal(error.classification, 'UNAUTHORIZED');
    assert.equal(error.status, 401);
    assert.deepEqual(error.errors, []);
  });
});
