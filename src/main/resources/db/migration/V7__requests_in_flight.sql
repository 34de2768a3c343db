-- A submit counts the caller's requests still on their way (ACCEPTED, PROVISIONING) to cap them:
-- a range of this index, stopped at the cap, whatever the caller's history.
create index team_request_requester_status on team_request (requester, status);
