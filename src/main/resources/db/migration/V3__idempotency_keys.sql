-- Idempotency-Key values of POST /api/v1/team-requests (draft-ietf-httpapi-idempotency-key-header),
-- scoped to the caller. A row is written in the same transaction as the team request it answers
-- with, so a key is never recorded without its request nor the other way round; the primary key is
-- the claim: two replicas inserting the same (caller, key) cannot both commit.
-- No foreign key to team_request: the key row is inserted first, so a racing duplicate waits on
-- the key, not after the team request (H2 has no deferrable constraints to allow the other order).
create table idempotency_key (
    caller        varchar(320) not null,
    idem_key      varchar(255) not null,
    fingerprint   varchar(64)  not null,
    request_id    uuid         not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    primary key (caller, idem_key)
);

-- The purge deletes by expiry across all callers.
create index idempotency_key_expires on idempotency_key (expires_at);
