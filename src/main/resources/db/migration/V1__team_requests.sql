-- Team requests as portals submitted them, and how far provisioning got.
-- Portable between PostgreSQL and H2 (MODE=PostgreSQL): no text/jsonb, which H2 maps to CLOB/JSON.
create table team_request (
    id                 uuid          not null primary key,
    requester          varchar(320)  not null,
    display_name       varchar(256)  not null,
    status             varchar(20)   not null,
    step               varchar(30)   not null,
    spec               varchar(400000) not null,
    team_id            varchar(64),
    operation_id       varchar(64),
    operation_status   varchar(40),
    operation_attempts integer,
    web_url            varchar(2048),
    error_code         varchar(200),
    error_message      varchar(4000),
    step_attempts      integer       not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint        not null
);

-- "My requests, newest first" pages by (created_at, id) without an offset scan.
create index team_request_requester_created on team_request (requester, created_at desc, id desc);
