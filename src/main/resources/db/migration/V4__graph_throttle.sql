-- Until when Graph throttles this service in a tenant. A 429 seen by any replica pauses the Graph
-- calls of every replica: calling again before Retry-After has passed only extends the throttling.
-- Portable between PostgreSQL and H2 (MODE=PostgreSQL), like V1.
create table graph_throttle (
    tenant_id       varchar(64)              not null primary key,
    throttled_until timestamp with time zone not null
);
