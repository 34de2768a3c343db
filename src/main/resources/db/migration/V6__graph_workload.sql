-- Per tenant and Graph workload (POST /teams, team reads, directory, ...): the pace every replica's
-- jobs share, and until when Graph throttles the workload. Graph throttles each workload on its
-- own, so a 429 on POST /teams must not pause the directory reads that submitting needs.
-- next_slot_ms: the next free call slot of a generic cell rate (epoch milliseconds); taking a
-- slot is one UPDATE, whose row lock orders the replicas. Epoch milliseconds keep that UPDATE's
-- arithmetic the same on PostgreSQL and H2.
-- graph_throttle (V4, one pause for the whole tenant) is left in place for replicas of the
-- previous release during a rolling update; nothing reads it any more.
create table graph_workload (
    tenant_id       varchar(64) not null,
    workload        varchar(40) not null,
    next_slot_ms    bigint      not null,
    paused_until_ms bigint      not null,
    primary key (tenant_id, workload)
);
