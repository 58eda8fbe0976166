/**
 * What operators see: the request id on every log line and response, and Prometheus metrics for
 * GraphQL root fields, privacy decisions, budget spent and rejected inputs. Metrics count and time;
 * they never carry a value of a cell, a query's arguments or a caller's identity (only the role).
 */
package org.sightline.api.observability;
