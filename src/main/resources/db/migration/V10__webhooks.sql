-- Signed webhooks (webhooks/*): subscriptions, one delivery per (subscription, event), its recent
-- attempts, and db-scheduler's table for the delivery jobs, kept apart from provisioning's so that
-- receivers never hold provisioning's workers or rows.

-- The outbox marker: the event log is the outbox. An event is fanned out once, by whichever replica
-- locks it first; a marker per row (not a cursor on ids) because concurrent transactions commit
-- their events out of id order, and a cursor would step over the late ones. Events written before
-- this version count as published: nobody had subscribed to them.
alter table team_request_event add column published_at timestamp with time zone;
update team_request_event set published_at = occurred_at;
create index team_request_event_unpublished on team_request_event (published_at);

create table webhook_subscription (
    id uuid primary key,
    -- The calling application's id (token oid/sub), or config:<name> for a configured subscription.
    owner varchar(255) not null,
    -- Whether the owner held the read-all role when subscribing: it then receives every request's events.
    reads_all boolean not null,
    -- null for one made through the API; the configuration's name otherwise (read-only through the API).
    config_name varchar(100),
    url varchar(2000) not null,
    -- Comma-separated CloudEvents types.
    event_types varchar(2000) not null,
    secret varchar(200) not null,
    previous_secret varchar(200),
    previous_secret_until timestamp with time zone,
    status varchar(20) not null,
    disabled_reason varchar(500),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index webhook_subscription_owner on webhook_subscription (owner);
create unique index webhook_subscription_config_name on webhook_subscription (config_name);

create table webhook_delivery (
    -- The webhook-id header: the same on every attempt, so receivers can drop repeats.
    id varchar(64) primary key,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    request_id uuid not null,
    event_id bigint not null,
    event_type varchar(100) not null,
    -- The CloudEvent as first built: every attempt sends the same bytes.
    payload varchar(16000) not null,
    status varchar(20) not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone,
    last_status_code integer,
    last_latency_ms bigint,
    last_error varchar(500),
    created_at timestamp with time zone not null,
    -- Retried until then (created_at + max-age; a redelivery starts a new window).
    give_up_at timestamp with time zone not null,
    delivered_at timestamp with time zone,
    unique (subscription_id, request_id, event_id)
);
-- Recent deliveries of a subscription, and the earlier pending one of the same request (ordering).
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at);
create index webhook_delivery_order on webhook_delivery (subscription_id, request_id, status, event_id);

create table webhook_delivery_attempt (
    delivery_id varchar(64) not null references webhook_delivery (id) on delete cascade,
    attempt integer not null,
    attempted_at timestamp with time zone not null,
    status_code integer,
    latency_ms bigint not null,
    error varchar(500),
    primary key (delivery_id, attempt)
);

-- db-scheduler's table format (as V2), for the delivery scheduler alone.
create table webhook_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint       not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index webhook_tasks_execution_time on webhook_tasks (execution_time);
create index webhook_tasks_last_heartbeat on webhook_tasks (last_heartbeat);
create index webhook_tasks_priority_execution_time on webhook_tasks (priority desc, execution_time asc);
