-- Group-first and existing-group provisioning: the group the team is made from, and when it was
-- created (Graph may answer 404 for a group that is less than 15 minutes old while it replicates).
alter table team_request add column group_id varchar(64);
alter table team_request add column group_created_at timestamp with time zone;
-- A POST that may have reached Graph without its result being stored (ambiguous answer, or the
-- replica died). The next run reconciles with Graph before it sends anything again.
alter table team_request add column pending_call varchar(40);
alter table team_request add column pending_since timestamp with time zone;
-- When the current run of the request must have ended: set on submit and again on a retry, so a
-- retried request gets a fresh deadline without its creation time (the listing order) changing.
alter table team_request add column deadline_at timestamp with time zone;
-- How many of the request's owners and members beyond the create call have been added with
-- POST /teams/{id}/members/add (in chunks of 200, Graph's limit), so a retry resumes after them.
alter table team_request add column members_added integer default 0 not null;
