/**
 * The job store: the only code that speaks SQL. The runtime talks to {@link dev.longrun.store.JobStore}.
 *
 * <ul>
 *   <li>{@link dev.longrun.store.JobStores#create} picks the dialect from the DataSource (PostgreSQL or
 *       SQLite) and returns a thread-safe {@link dev.longrun.store.SqlJobStore}; call
 *       {@link dev.longrun.store.JobStore#migrate} once at start (Flyway, idempotent, safe on many nodes).</li>
 *   <li>{@link dev.longrun.store.EmbeddedDatabase#open} gives the embedded SQLite DataSource under the data
 *       directory; its owner closes it.</li>
 *   <li>SQL lives in {@code db/<dialect>/queries.sql} and {@code transitions.sql} (named statements) and {@code db/<dialect>/migration};
 *       {@link dev.longrun.store.NamedStatements} loads it once.</li>
 *   <li>{@link dev.longrun.store.NamedSql} runs another feature's statement file the same way ({@code dev.longrun.notify}'s
 *       {@code notifications.sql}).</li>
 *   <li>{@link dev.longrun.store.JobJson} is the one JSON form of params, results, summaries and actions.</li>
 *   <li>Failures are unchecked: {@code LongrunException} with code {@code store_unavailable} when the
 *       database cannot be reached, {@link dev.longrun.store.StoreException} ({@code store_error}) otherwise.</li>
 * </ul>
 */
package dev.longrun.store;
