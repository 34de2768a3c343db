-- A request's history (GET /api/v1/team-requests/{id}/events), appended in the same transaction as
-- each change of the request. The id is monotonic per request; (request_id, id) is the key, so two
-- writers can never append the same id, and the request's optimistic version already orders them.
create table team_request_event (
    request_id uuid not null references team_request (id) on delete cascade,
    id bigint not null,
    occurred_at timestamp with time zone not null,
    type varchar(40) not null,
    actor varchar(255) not null,
    data varchar(4000) not null,
    primary key (request_id, id)
);
