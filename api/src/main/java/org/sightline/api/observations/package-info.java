/**
 * Answering observation questions: resolve the query, roll the stored cells up in one SQL
 * statement, pass the whole table through the privacy engine, derive values from the protected
 * numbers, page the result.
 */
package org.sightline.api.observations;
