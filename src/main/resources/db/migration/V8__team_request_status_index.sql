-- The backlog gauges count unfinished requests by status every few seconds on every replica
-- (provisioning/jobs/BacklogGauges): with this index that reads the few unfinished rows, not the
-- whole history of finished ones. Safe while older replicas run: they never read it.
create index team_request_status on team_request (status);
