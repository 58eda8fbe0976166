/**
 * The raw-SQL baseline of {@code --raw-sql}: each scenario's answer computed by hand-written SQL
 * straight on the server's database with PostgreSQL's own clients, {@code psql} to check the answer
 * and {@code pgbench} to measure it, so Sightline's figures come with what the database alone does.
 */
package org.sightline.bench.raw;
