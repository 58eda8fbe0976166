// The graphql-http audit of the GraphQL-over-HTTP specification, run against a Sightline server:
// node audit.mjs <url of /graphql>. Prints each audit that is not ok, then the counts as JSON on
// the last line; GraphQlOverHttpConformanceTest reads them.
import { auditServer } from 'graphql-http';

const results = await auditServer({ url: process.argv[2] });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status]++;
  if (result.status !== 'ok') {
    console.log(result.status.toUpperCase(), result.id, result.name, '-', result.reason);
  }
}
console.log(JSON.stringify(counts));
