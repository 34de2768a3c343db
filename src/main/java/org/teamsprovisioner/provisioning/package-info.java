/**
 * The core: the use cases a portal's request goes through, and the job that creates its team.
 *
 * <p>Use cases, named by what they do: {@code SubmitTeamRequest} (the cap on requests in flight,
 * the policy, then the request stored with its job, at most once per {@code Idempotency-Key}),
 * {@code PreviewTeamRequest}, {@code ReadTeamRequests}, {@code RetryTeamRequest},
 * {@code CancelTeamRequest}, and {@code ProvisionTeam}, which runs the next step of a request's job.
 * {@code ProvisioningSteps} is the step machine as one table: each step's handler, its Graph calls
 * and their workloads, the POST it records before sending, and the step each outcome leads to.
 *
 * <p>Ports, implemented outside: {@code TeamRequestStore}, {@code IdempotencyKeyStore} and
 * {@code ProvisioningJobRows} (provisioning.store, provisioning.jobs), {@code ProvisioningQueue}
 * (provisioning.jobs), and {@code TeamCreation}, {@code TeamProgress}, {@code CallPacing} (graph),
 * whose failures arrive as {@code GraphCallFailed}. Free of web, R2DBC, db-scheduler and Graph
 * client types (ArchitectureTest).
 */
package org.teamsprovisioner.provisioning;
