package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A request's provisioning job as SQL on the job table, for the {@link TeamRequestStore} to run in
 * the same transaction (on PostgreSQL, the same statement) as the request row it belongs to, so
 * that a request and its job are scheduled, or withdrawn, together or not at all. The job side
 * ({@code provisioning.jobs}) implements it, since it alone knows the scheduler's table, task name
 * and data format; the store runs it without knowing any of them. The use cases never call it.
 *
 * <p>Parameters are named after the job table's columns and bound by name next to the store's own,
 * which are named after the columns of the store's tables.
 */
public interface ProvisioningJobRows {

    /** The row that schedules the job of request {@code requestId}, due at {@code dueAt}. */
    Insert scheduled(UUID requestId, Instant dueAt);

    /**
     * Deletes the job of request {@code requestId} only while no worker has picked it: one row
     * deleted means the job was withdrawn in time, none that it is running (or gone).
     */
    Statement deleteUnpicked(UUID requestId);

    /**
     * When the job of the request whose id is the SQL expression {@code requestId} runs next, as a
     * scalar SQL expression of type timestamp (null without a job); in the past while it runs.
     */
    Statement nextRunAt(String requestId);

    /**
     * A row to insert, as {@code into} ({@code table (columns)}) and {@code values} (one SQL
     * expression per column, naming parameters as {@code :name}), so that a store can insert it on
     * its own or as the last part of a {@code WITH} statement.
     *
     * @param parameters the values of the named parameters, none null
     */
    record Insert(String into, String values, Map<String, Object> parameters) {

        public Insert {
            parameters = Map.copyOf(parameters);
        }

        /** {@code INSERT ... VALUES}: the row on its own. */
        public String sql() {
            return "insert into " + into + " values (" + values + ")";
        }

        /** {@code INSERT ... SELECT ... FROM source}: one row for each row of {@code source}, none if it is empty. */
        public String sqlFrom(String source) {
            return "insert into " + into + " select " + values + " from " + source;
        }
    }

    /** @param sql a statement, or an expression within one; @param parameters the values of the named parameters in {@code sql}, none null */
    record Statement(String sql, Map<String, Object> parameters) {

        public Statement {
            parameters = Map.copyOf(parameters);
        }
    }
}
