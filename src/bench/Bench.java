import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load and measurement driver of src/bench/run.sh: submits team requests like portals do, watches
 * PostgreSQL and the simulator's {@code _state}, kills and restarts replicas, and writes the figures
 * as {@code key=value} files that Report.java turns into docs/benchmarks.md. JDK only (plus the
 * PostgreSQL JDBC driver, taken from the service's own jar by run.sh).
 *
 * <pre>
 * java -cp postgresql.jar Bench.java createdb|dropdb NAME
 * java -cp postgresql.jar Bench.java backlog  --base=URL --sim=URL --n=1000 --callers=16 --ids=FILE
 * java -cp postgresql.jar Bench.java bulk     --base=URL --sim=URL --db=NAME --n=1000 --callers=16 --out=DIR ...
 * java -cp postgresql.jar Bench.java crash    --argv=FILE --ports=a,b,c --sim=URL --db=NAME --out=DIR ...
 * java Bench.java settings --base=URL        (effective pacing/heartbeat settings from /actuator/configprops)
 * </pre>
 * Database: BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER, BENCH_PGPASSWORD (127.0.0.1, 5432, postgres, empty).
 */
public class Bench {

    static final String USER = "alice@contoso.com";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("command: createdb | dropdb | backlog | bulk | crash | settings");
        }
        Map<String, String> o = options(args);
        switch (args[0]) {
            case "createdb" -> admin("create database \"" + args[1] + "\"");
            case "dropdb" -> admin("drop database if exists \"" + args[1] + "\" with (force)");
            case "pgversion" -> System.out.println(pgVersion());
            case "backlog" -> backlog(o);
            case "bulk" -> bulk(o);
            case "crash" -> new Crash(o).run();
            case "settings" -> settings(o.get("base"));
            case "counts" -> {
                try (Connection c = db(need(o, "db"))) {
                    Map<String, Integer> byStatus = new TreeMap<>();
                    statuses(c).values().forEach(st -> byStatus.merge(st, 1, Integer::sum));
                    System.out.println(byStatus.toString().replace(" ", ""));
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
            }
        }
        return o;
    }

    static int intOpt(Map<String, String> o, String key, int dflt) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key)) : dflt;
    }

    static double doubleOpt(Map<String, String> o, String key, double dflt) {
        return o.containsKey(key) ? Double.parseDouble(o.get(key)) : dflt;
    }

    static String need(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    // ------------------------------------------------------------------ database

    static Connection db(String name) throws SQLException {
        String host = env("BENCH_PGHOST", "127.0.0.1");
        String port = env("BENCH_PGPORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name,
                env("BENCH_PGUSER", "postgres"), env("BENCH_PGPASSWORD", ""));
    }

    static String env(String key, String dflt) {
        String v = System.getenv(key);
        return v == null || v.isEmpty() ? dflt : v;
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = db("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String pgVersion() throws SQLException {
        try (Connection c = db("postgres"); Statement s = c.createStatement(); ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Rows updated in scheduled_tasks since the database was created (pg_stat_user_tables). */
    static long scheduledTaskUpdates(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select coalesce(sum(n_tup_upd), 0) from pg_stat_user_tables where relname = 'scheduled_tasks'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** id → status of every team request. */
    static Map<String, String> statuses(Connection c) throws SQLException {
        Map<String, String> m = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select id, status from team_request")) {
            while (r.next()) {
                m.put(r.getString(1), r.getString(2));
            }
        }
        return m;
    }

    static boolean terminal(String status) {
        return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status);
    }

    // ------------------------------------------------------------------ HTTP

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token(String sim) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(USER, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST /sandbox/token answered " + r.statusCode() + ": " + r.body());
        }
        return (String) Json.object(r.body()).get("access_token");
    }

    static Map<String, Object> counters(String sim) throws IOException, InterruptedException {
        HttpResponse<String> r = get(sim + "/graph/_state");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("_state answered " + r.statusCode());
        }
        return Json.map(Json.object(r.body()).get("counters"));
    }

    /** The body of a bench request: one owner and one member, so the policy reads the directory as for a real one. */
    static String body(String displayName) {
        return "{\"displayName\":\"" + displayName + "\",\"description\":\"teams-provisioner benchmark\","
                + "\"owners\":[\"alice@contoso.com\"],\"members\":[\"bob@contoso.com\"]}";
    }

    // ------------------------------------------------------------------ submitting like a portal

    /** What one portal request went through until it was accepted (or given up). */
    static final class Outcome {
        final int index;
        final String key;
        final String name;
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        volatile String id;
        volatile long firstSendMs;
        volatile long acceptedMs;
        int attempts;
        int status503;
        int status409;
        int connectionErrors;
        final Map<Integer, Integer> otherStatuses = new TreeMap<>();

        Outcome(int index, String key, String name) {
            this.index = index;
            this.key = key;
            this.name = name;
        }
    }

    /**
     * A portal: POST with an Idempotency-Key; 503 → wait Retry-After and repeat; 409 (key being stored) →
     * repeat shortly; a connection error or timeout → repeat the same key against the next replica.
     */
    static final class Portal {
        final List<String> bases;
        final String token;
        final long giveUpMs;
        /** no request is sent after this instant (the step's own time budget) */
        volatile long deadlineMs = Long.MAX_VALUE;
        /** whether a 503 is repeated after its Retry-After, as a portal would (else it is counted and given up) */
        boolean repeat503 = true;

        Portal(List<String> bases, String token, long giveUpMs) {
            this.bases = bases;
            this.token = token;
            this.giveUpMs = giveUpMs;
        }

        Outcome submit(int index, String runId, int preferred) throws InterruptedException {
            String name = "Bench " + runId + " " + index;
            Outcome out = new Outcome(index, UUID.randomUUID().toString(), name);
            String payload = body(name);
            int b = Math.floorMod(preferred, bases.size());
            long deadline = Math.min(deadlineMs, System.currentTimeMillis() + giveUpMs);
            while (System.currentTimeMillis() < deadline) {
                out.attempts++;
                if (out.firstSendMs == 0) {
                    out.firstSendMs = System.currentTimeMillis();
                }
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(bases.get(b) + "/api/v1/team-requests"))
                            .timeout(Duration.ofSeconds(15))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "\"" + out.key + "\"")
                            .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
                    int sc = r.statusCode();
                    if (sc == 202) {
                        String id = String.valueOf(Json.object(r.body()).get("id"));
                        out.ids.add(id);
                        out.id = id;
                        out.acceptedMs = System.currentTimeMillis();
                        return out;
                    }
                    if (sc == 503) {
                        out.status503++;
                        if (!repeat503) {
                            return out;
                        }
                        Thread.sleep(Math.min(retryAfterMs(r), Math.max(0, deadline - System.currentTimeMillis())));
                        continue;
                    }
                    if (sc == 409) {
                        out.status409++;
                        Thread.sleep(200);
                        continue;
                    }
                    int times = out.otherStatuses.merge(sc, 1, Integer::sum);
                    if ((sc >= 500 || sc == 429) && times < 3) {
                        Thread.sleep(500);
                        continue;
                    }
                    return out; // another 4xx: the request itself is wrong, a portal would not repeat it
                } catch (IOException e) {
                    out.connectionErrors++;
                    b = (b + 1) % bases.size();
                    Thread.sleep(300);
                }
            }
            return out;
        }

        static long retryAfterMs(HttpResponse<?> r) {
            try {
                return Math.min(60_000, Math.max(100, (long) (Double.parseDouble(r.headers().firstValue("Retry-After").orElse("1")) * 1000)));
            } catch (NumberFormatException e) {
                return 1000;
            }
        }
    }

    /** Runs {@code n} submissions on {@code callers} threads; submission i starts no earlier than start + i / rate. */
    static List<Outcome> submitAll(Portal portal, String runId, int n, int callers, double ratePerSecond, long startMs)
            throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        for (int t = 0; t < callers; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n && System.currentTimeMillis() < portal.deadlineMs) {
                    if (ratePerSecond > 0) {
                        long due = startMs + (long) (i * 1000 / ratePerSecond);
                        long wait = due - System.currentTimeMillis();
                        if (wait > 0) {
                            Thread.sleep(wait);
                        }
                    }
                    outcomes.add(portal.submit(i, runId, i));
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort((a, b) -> Integer.compare(a.index, b.index));
        return sorted;
    }

    static void summarizeSubmits(List<Outcome> outcomes, int n, String prefix, Props p) {
        int accepted = 0;
        int s503 = 0;
        int s409 = 0;
        int conn = 0;
        int requestsWith503 = 0;
        Map<Integer, Integer> other = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.id != null) {
                accepted++;
            }
            s503 += o.status503;
            s409 += o.status409;
            conn += o.connectionErrors;
            if (o.status503 > 0) {
                requestsWith503++;
            }
            o.otherStatuses.forEach((k, v) -> other.merge(k, v, Integer::sum));
        }
        p.put(prefix + "requests", n);
        p.put(prefix + "accepted", accepted);
        p.put(prefix + "never_accepted", n - accepted);
        p.put(prefix + "status_503", s503);
        p.put(prefix + "requests_with_503", requestsWith503);
        p.put(prefix + "status_409", s409);
        p.put(prefix + "connection_errors", conn);
        p.put(prefix + "other_non_202", other.values().stream().mapToInt(Integer::intValue).sum());
        p.put(prefix + "other_non_202_by_status", other.isEmpty() ? "none" : other.toString());
    }

    // ------------------------------------------------------------------ backlog (facade step)

    static void backlog(Map<String, String> o) throws Exception {
        int n = intOpt(o, "n", 1000);
        String runId = o.getOrDefault("run", "backlog");
        Portal portal = new Portal(List.of(need(o, "base")), token(need(o, "sim")), 60_000);
        // The backlog is only work for the jobs: a refused submit is counted, not repeated, and it stops in time.
        portal.repeat503 = false;
        long t0 = System.currentTimeMillis();
        portal.deadlineMs = t0 + (long) (doubleOpt(o, "max-s", 90) * 1000);
        List<Outcome> outcomes = submitAll(portal, runId, n, intOpt(o, "callers", 16), 0, t0);
        long t1 = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (Outcome out : outcomes) {
            if (out.id != null) {
                ids.add(out.id);
            }
        }
        Files.write(Path.of(need(o, "ids")), ids);
        Props p = new Props();
        summarizeSubmits(outcomes, n, "backlog.", p);
        System.out.printf(Locale.ROOT, "backlog: %d of %d accepted in %.1f s (%.0f/s), %s 503s, other non-202: %s%n", ids.size(), n,
                (t1 - t0) / 1000.0, ids.size() * 1000.0 / Math.max(1, t1 - t0), p.get("backlog.status_503"),
                p.get("backlog.other_non_202_by_status"));
        if (o.containsKey("out")) {
            p.write(Path.of(o.get("out")));
        }
    }

    // ------------------------------------------------------------------ bulk

    static void bulk(Map<String, String> o) throws Exception {
        int n = intOpt(o, "n", 1000);
        int callers = intOpt(o, "callers", 16);
        double limit = doubleOpt(o, "limit", 10);
        double operationS = doubleOpt(o, "operation-s", 3);
        double timeoutS = doubleOpt(o, "timeout-s", 300);
        String sim = need(o, "sim");
        Path out = Path.of(need(o, "out"));
        String runId = o.getOrDefault("run", "bulk");
        Portal portal = new Portal(List.of(need(o, "base")), token(sim), 120_000);

        Connection c = db(need(o, "db"));
        long updStart = scheduledTaskUpdates(c);
        Map<String, Long> succeededAt = new ConcurrentHashMap<>();
        Map<String, String> lastStatus = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> {
            try (Connection w = db(need(o, "db")); PreparedStatement q = w.prepareStatement("select id, status, updated_at from team_request")) {
                while (!Thread.currentThread().isInterrupted()) {
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            String id = r.getString(1);
                            String status = r.getString(2);
                            lastStatus.put(id, status);
                            if ("SUCCEEDED".equals(status)) {
                                // first sight: later steps (the files-folder check) may touch updated_at again
                                succeededAt.putIfAbsent(id, r.getTimestamp(3).getTime());
                            }
                        }
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "db-watcher");
        watcher.setDaemon(true);
        watcher.start();

        // One subscriber, the simulator's webhook receiver, told the secret so it checks every signature.
        String receiver = "bench-" + runId.replaceAll("[^A-Za-z0-9-]", "");
        String secret = subscribe(need(o, "base"), sim, receiver);

        long t0 = System.currentTimeMillis();
        portal.deadlineMs = t0 + (long) (timeoutS * 1000);
        System.out.printf(Locale.ROOT, "bulk: submitting %d requests from %d callers%n", n, callers);
        List<Outcome> outcomes = submitAll(portal, runId, n, callers, 0, t0);
        long submittedMs = System.currentTimeMillis();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (Outcome x : outcomes) {
            if (x.id != null) {
                ids.add(x.id);
            }
        }
        System.out.printf(Locale.ROOT, "bulk: %d accepted in %.1f s; waiting for SUCCEEDED (at most %.0f s from the first submit)%n",
                ids.size(), (submittedMs - t0) / 1000.0, timeoutS);
        long deadline = t0 + (long) (timeoutS * 1000);
        long lastPrint = 0;
        while (System.currentTimeMillis() < deadline) {
            long done = ids.stream().filter(id -> terminal(lastStatus.get(id))).count();
            if (done == ids.size()) {
                break;
            }
            if (System.currentTimeMillis() - lastPrint > 10_000) {
                lastPrint = System.currentTimeMillis();
                System.out.printf(Locale.ROOT, "bulk: t=%5.0f s  %d/%d SUCCEEDED%n", (lastPrint - t0) / 1000.0,
                        ids.stream().filter(succeededAt::containsKey).count(), n);
            }
            Thread.sleep(250);
        }
        Thread.sleep(600); // one more watcher pass
        long endMs = System.currentTimeMillis();
        Props hooks = webhooks(sim, receiver, succeededAt.size(), secret != null);
        // PostgreSQL publishes a backend's table counters when it goes idle, at the latest 10 s later.
        Thread.sleep(11_000);
        long updEnd = scheduledTaskUpdates(c);
        watcher.interrupt();
        Map<String, String> finalStatus = statuses(c);
        c.close();

        List<Long> successes = new ArrayList<>();
        for (String id : ids) {
            Long at = succeededAt.get(id);
            if (at != null) {
                successes.add(at - t0);
            }
        }
        Collections.sort(successes);
        int succeeded = successes.size();
        double floor = n / limit + operationS;
        Map<String, Object> counters = counters(sim);
        Map<String, Object> routes = Json.map(counters.get("callsByRoute"));
        long postTeams = sumRoutes(routes, k -> k.startsWith("POST /teams "));
        long operationGets = sumRoutes(routes, k -> k.startsWith("GET ") && k.contains("/operations"));
        long getTeam = sumRoutes(routes, k -> k.matches("GET /teams/\\{id\\} \\d+"));
        long userGets = sumRoutes(routes, k -> k.startsWith("GET /users"));
        long batches = sumRoutes(routes, k -> k.startsWith("POST /$batch"));
        Map<String, Object> created = Json.map(counters.get("teamsCreatedByDisplayName"));
        int duplicates = 0;
        int teamsCreated = 0;
        for (Outcome x : outcomes) {
            Object count = created.get(x.name);
            if (count instanceof Number num && num.intValue() > 1) {
                duplicates++;
            }
            if (count instanceof Number num && num.intValue() > 0) {
                teamsCreated++;
            }
        }
        double perTeam = Math.max(1, teamsCreated);

        Props p = new Props();
        p.put("bulk.requests", n);
        p.put("bulk.callers", callers);
        p.put("bulk.limit_per_s", limit);
        p.put("bulk.operation_s", operationS);
        p.put("bulk.floor_s", fmt(floor));
        p.put("bulk.submit_s", fmt((submittedMs - t0) / 1000.0));
        p.put("bulk.succeeded", succeeded);
        p.put("bulk.not_succeeded", n - succeeded);
        Map<String, Integer> byStatus = new TreeMap<>();
        for (String id : ids) {
            byStatus.merge(String.valueOf(finalStatus.get(id)), 1, Integer::sum);
        }
        p.put("bulk.final_status", byStatus.toString());
        if (succeeded == n && !successes.isEmpty()) {
            double makespan = successes.get(successes.size() - 1) / 1000.0;
            p.put("bulk.makespan_s", fmt(makespan));
            p.put("bulk.makespan_ratio", fmt(makespan / floor));
        } else {
            p.put("bulk.makespan_s", "> " + fmt((endMs - t0) / 1000.0));
            p.put("bulk.makespan_ratio", "> " + fmt((endMs - t0) / 1000.0 / floor));
        }
        summarizeSubmits(outcomes, n, "bulk.submit.", p);
        p.put("bulk.post_teams_calls", postTeams);
        p.put("bulk.teams_created", teamsCreated);
        p.put("bulk.post_teams_per_team", fmt(postTeams / perTeam));
        p.put("bulk.operation_gets", operationGets);
        p.put("bulk.operation_gets_per_team", fmt(operationGets / perTeam));
        p.put("bulk.get_team_per_team", fmt(getTeam / perTeam));
        p.put("bulk.user_gets", userGets);
        p.put("bulk.batches", batches);
        p.put("bulk.directory_calls_per_submit", fmt((userGets + batches) / (double) n));
        p.put("bulk.throttled_calls", counters.get("throttledCalls"));
        p.put("bulk.early_retries", counters.get("earlyRetries"));
        p.put("bulk.faults_injected", String.valueOf(counters.get("faultsInjected")));
        p.put("bulk.duplicates", duplicates);
        p.put("bulk.calls_by_route", new TreeMap<>(routes).toString());
        double windowS = Math.max(1, ((succeeded > 0 ? successes.get(successes.size() - 1) : endMs - t0)) / 1000.0);
        p.put("bulk.scheduled_tasks_updates", updEnd - updStart);
        p.put("bulk.scheduled_tasks_updates_per_s", fmt((updEnd - updStart) / windowS));
        hooks.values.forEach(p::put);
        p.write(out.resolve("bulk.properties"));

        List<String> csv = new ArrayList<>();
        csv.add("seconds,succeeded");
        csv.add("0,0");
        for (int i = 0; i < successes.size(); i++) {
            csv.add(fmt(successes.get(i) / 1000.0) + "," + (i + 1));
        }
        csv.add(fmt(Math.max(endMs - t0, successes.isEmpty() ? 0 : successes.get(successes.size() - 1)) / 1000.0) + "," + succeeded
                + ",end"); // where the observation ended
        Files.write(out.resolve("bulk.csv"), csv);
        p.print();
    }

    /** Subscribes alice's app to succeeded events at the simulator's receiver {@code name}; returns the secret. */
    static String subscribe(String base, String sim, String name) throws IOException, InterruptedException {
        HttpResponse<String> t = HTTP.send(HttpRequest.newBuilder(URI.create(sim + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(USER, StandardCharsets.UTF_8)
                        + "&roles=TeamRequests.Webhooks")).build(), HttpResponse.BodyHandlers.ofString());
        String token = (String) Json.object(t.body()).get("access_token");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + sim + "/webhooks/" + name
                        + "\",\"types\":[\"org.teamsprovisioner.teamrequest.succeeded\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/webhooks answered " + r.statusCode() + ": " + r.body());
        }
        String secret = (String) Json.object(r.body()).get("secret");
        HttpResponse<String> s = HTTP.send(HttpRequest.newBuilder(URI.create(sim + "/webhooks/" + name + "/_secret"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + secret + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (s.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT _secret answered " + s.statusCode() + ": " + s.body());
        }
        return secret;
    }

    /**
     * What the receiver got once every succeeded request's delivery arrived (or 60 s passed): one per
     * request, no repeat, every signature valid, and the lag from the event's time to its receipt.
     */
    @SuppressWarnings("unchecked")
    static Props webhooks(String sim, String name, int succeeded, boolean subscribed) throws IOException, InterruptedException {
        Props p = new Props();
        if (!subscribed) {
            return p;
        }
        long deadline = System.currentTimeMillis() + 60_000;
        List<Object> deliveries = List.of();
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = get(sim + "/webhooks/" + name);
            deliveries = r.statusCode() == 200 ? (List<Object>) Json.object(r.body()).getOrDefault("deliveries", List.of()) : List.of();
            if (deliveries.size() >= succeeded) {
                break;
            }
            Thread.sleep(500);
        }
        Set<String> ids = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        int invalid = 0;
        int answeredOther = 0;
        List<Long> lags = new ArrayList<>();
        for (Object item : deliveries) {
            Map<String, Object> d = Json.map(item);
            ids.add(String.valueOf(d.get("webhookId")));
            Map<String, Object> event = Json.map(d.get("event"));
            subjects.add(String.valueOf(event.get("subject")));
            if (!Boolean.TRUE.equals(Json.map(d.get("signature")).get("valid"))) {
                invalid++;
            }
            if (!(d.get("status") instanceof Number status) || status.intValue() / 100 != 2) {
                answeredOther++;
            }
            if (event.get("time") != null && d.get("receivedDateTime") != null) {
                lags.add(java.time.Duration.between(java.time.Instant.parse((String) event.get("time")),
                        java.time.Instant.parse((String) d.get("receivedDateTime"))).toMillis());
            }
        }
        Collections.sort(lags);
        p.put("bulk.webhooks.deliveries", deliveries.size());
        p.put("bulk.webhooks.unique_ids", ids.size());
        p.put("bulk.webhooks.requests_notified", subjects.size());
        p.put("bulk.webhooks.repeats", deliveries.size() - ids.size());
        p.put("bulk.webhooks.invalid_signatures", invalid);
        p.put("bulk.webhooks.refused", answeredOther);
        p.put("bulk.webhooks.succeeded_requests", succeeded);
        if (!lags.isEmpty()) {
            p.put("bulk.webhooks.lag_p50_ms", lags.get(lags.size() / 2));
            p.put("bulk.webhooks.lag_p99_ms", lags.get(Math.min(lags.size() - 1, (int) Math.ceil(lags.size() * 0.99) - 1)));
            p.put("bulk.webhooks.lag_max_ms", lags.get(lags.size() - 1));
        }
        return p;
    }

    static long sumRoutes(Map<String, Object> routes, java.util.function.Predicate<String> which) {
        long sum = 0;
        for (Map.Entry<String, Object> e : routes.entrySet()) {
            if (which.test(e.getKey())) {
                sum += ((Number) e.getValue()).longValue();
            }
        }
        return sum;
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    // ------------------------------------------------------------------ crash and failover

    /**
     * Three replicas on one database and one simulated tenant. Portals submit at a steady rate while one
     * replica after the other is killed with SIGKILL and restarted. At each kill, the jobs it held
     * (scheduled_tasks picked = true, picked_by = its scheduler name) are timed until another replica
     * picks them again or they complete.
     */
    static final class Crash {
        final Map<String, String> o;
        final List<String> argvTemplate;
        final List<Integer> ports = new ArrayList<>();
        final String sim;
        final String dbName;
        final Path out;
        final Path pidsFile;
        final List<Replica> replicas = new ArrayList<>();
        final List<Kill> kills = new CopyOnWriteArrayList<>();
        final Set<String> namesSeen = ConcurrentHashMap.newKeySet();
        volatile Map<String, Row> latest = Map.of();
        Map<String, String> settings = Map.of();

        Crash(Map<String, String> o) throws IOException {
            this.o = o;
            this.argvTemplate = Files.readAllLines(Path.of(need(o, "argv")));
            for (String p : need(o, "ports").split(",")) {
                ports.add(Integer.parseInt(p.trim()));
            }
            this.sim = need(o, "sim");
            this.dbName = need(o, "db");
            this.out = Path.of(need(o, "out"));
            this.pidsFile = Path.of(need(o, "pids"));
        }

        record Row(String instance, boolean picked, String pickedBy, long version, long lastHeartbeatMs, long executionTimeMs,
                long lastSuccessMs, long lastFailureMs) {
            String describe() {
                return "picked=" + picked + " picked_by=" + pickedBy + " version=" + version + " last_heartbeat=" + instant(lastHeartbeatMs)
                        + " execution_time=" + instant(executionTimeMs) + " last_success=" + instant(lastSuccessMs)
                        + " last_failure=" + instant(lastFailureMs);
            }

            static String instant(long ms) {
                return ms == 0 ? "null" : java.time.Instant.ofEpochMilli(ms).toString();
            }
        }

        static long millis(java.sql.Timestamp t) {
            return t == null ? 0 : t.getTime();
        }

        final class Replica {
            final int index;
            final int port;
            volatile Process process;
            volatile int generation;
            volatile String name;
            volatile Path log;

            Replica(int index, int port) {
                this.index = index;
                this.port = port;
            }

            String base() {
                return "http://127.0.0.1:" + port;
            }

            synchronized void start() throws IOException {
                generation++;
                name = null;
                log = out.resolve("replica-" + index + "-" + generation + ".log");
                List<String> command = new ArrayList<>();
                for (String arg : argvTemplate) {
                    command.add(arg.replace("@PORT@", String.valueOf(port)).replace("@INDEX@", String.valueOf(index)));
                }
                process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                Files.writeString(pidsFile, process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }

            /** Waits for readiness, then reads the scheduler name the replica logged (db-scheduler's SchedulerBuilder line). */
            long awaitReady(long timeoutMs) throws InterruptedException {
                long deadline = System.currentTimeMillis() + timeoutMs;
                while (System.currentTimeMillis() < deadline) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("replica " + index + " exited with " + process.exitValue() + ", see " + log);
                    }
                    try {
                        HttpResponse<String> r = get(base() + "/actuator/health/readiness");
                        if (r.statusCode() == 200 && r.body().contains("UP")) {
                            name = schedulerName(log);
                            return System.currentTimeMillis();
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(200);
                }
                throw new IllegalStateException("replica " + index + " not ready within " + timeoutMs + " ms, see " + log);
            }
        }

        // The service logs JSON (ECS): the name ends at the message's closing quote as well as at a comma.
        static final Pattern SCHEDULER_NAME = Pattern.compile("Creating scheduler with configuration:.*\\bname=([^,\\s\"]+)");

        static String schedulerName(Path log) {
            try {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher m = SCHEDULER_NAME.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // unreadable log: name unknown
            }
            return null;
        }

        /** A job the killed replica held, timed until another replica has it again or it completed. */
        /**
         * A job picked when a replica was killed, followed through db-scheduler's own bookkeeping. Its first change
         * tells whose it was: a dead replica's job is revived by another replica's dead-execution check (version + 1,
         * last_failure set, due at once) and then picked again; a job whose holder lives on gets a newer heartbeat, or
         * its step ends normally (last_success set) or it is removed. So the killed replica's jobs are known even when
         * the replicas' scheduler names collide (and a job the killed replica finished just before dying is left out).
         */
        static final class Orphan {
            final String instance;
            final Row atKill;
            volatile Row last;
            volatile String verdict;   // null while unchanged; "dead" (revived), "live" (its holder went on), "gone" (removed first)
            volatile long revivedMs;   // db-scheduler declared it dead and rescheduled it
            volatile long resumedMs;   // another replica picked it (or it was removed after the revival)
            volatile String resumedBy;

            Orphan(Row row) {
                this.instance = row.instance();
                this.atKill = row;
                this.last = row;
            }

            boolean settled() {
                return "live".equals(verdict) || "gone".equals(verdict) || resumedMs != 0;
            }

            void observe(Row row, long now) {
                if (settled()) {
                    return;
                }
                if (row == null) {
                    if (verdict == null) {
                        verdict = "gone";
                    } else {
                        resumedMs = now;
                        resumedBy = "(completed)";
                    }
                    return;
                }
                last = row;
                if (verdict == null) {
                    if (row.version() == atKill.version()) {
                        if (row.lastHeartbeatMs() > atKill.lastHeartbeatMs()) {
                            verdict = "live";
                        }
                        return;
                    }
                    if (row.lastFailureMs() > atKill.lastFailureMs()) {
                        verdict = "dead";
                        revivedMs = now;
                    } else if (row.lastSuccessMs() > atKill.lastSuccessMs()) {
                        verdict = "live";
                        return;
                    } else {
                        verdict = "dead"; // moved on without either mark: count it as taken over
                        revivedMs = now;
                    }
                }
                if (row.picked() || row.version() >= atKill.version() + 2) {
                    resumedMs = now;
                    resumedBy = row.pickedBy();
                }
            }
        }

        static final class Kill {
            final int replica;
            final String name;
            final long atMs;
            final boolean namesCollide;
            final int pickedAtKill;
            final List<Orphan> orphans = new CopyOnWriteArrayList<>();
            volatile long restartedReadyMs;

            Kill(int replica, String name, long atMs, boolean namesCollide, int pickedAtKill) {
                this.replica = replica;
                this.name = name;
                this.atMs = atMs;
                this.namesCollide = namesCollide;
                this.pickedAtKill = pickedAtKill;
            }
        }

        Map<String, Row> readRows(Connection c) throws SQLException {
            Map<String, Row> rows = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select task_instance, picked, picked_by, version, last_heartbeat, execution_time, last_success, last_failure"
                            + " from scheduled_tasks where task_name = 'provision-team'")) {
                while (r.next()) {
                    Row row = new Row(r.getString(1), r.getBoolean(2), r.getString(3), r.getLong(4), millis(r.getTimestamp(5)),
                            millis(r.getTimestamp(6)), millis(r.getTimestamp(7)), millis(r.getTimestamp(8)));
                    rows.put(row.instance(), row);
                    if (row.pickedBy() != null) {
                        namesSeen.add(row.pickedBy());
                    }
                }
            }
            return rows;
        }

        void track(Map<String, Row> rows, long now) {
            for (Kill k : kills) {
                for (Orphan orphan : k.orphans) {
                    orphan.observe(rows.get(orphan.instance), now);
                }
            }
        }

        /** Once two replicas were seen with one name, it stays so: restarting replicas have no name for a while. */
        volatile boolean collisionSeen;

        boolean namesCollide() {
            if (collisionSeen) {
                return true;
            }
            Set<String> names = new java.util.HashSet<>();
            int known = 0;
            for (Replica r : replicas) {
                if (r.name != null) {
                    known++;
                    names.add(r.name);
                }
            }
            collisionSeen = known > names.size();
            return collisionSeen;
        }

        void run() throws Exception {
            int n = intOpt(o, "n", 300);
            int callers = intOpt(o, "callers", 16);
            double rate = doubleOpt(o, "rate", 4);
            long killEveryMs = (long) (doubleOpt(o, "kill-every-s", 20) * 1000);
            int killCount = intOpt(o, "kills", 3);
            long maxWaitMs = (long) (doubleOpt(o, "max-wait-s", 240) * 1000);
            String runId = o.getOrDefault("run", "crash");

            for (int i = 0; i < ports.size(); i++) {
                replicas.add(new Replica(i + 1, ports.get(i)));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> replicas.forEach(r -> {
                if (r.process != null) {
                    r.process.destroyForcibly();
                }
            })));
            // The first alone, as it runs the migrations; then the others together.
            List<List<Replica>> waves = List.of(replicas.subList(0, 1), replicas.subList(1, replicas.size()));
            for (List<Replica> wave : waves) {
                for (Replica r : wave) {
                    r.start();
                }
                for (Replica r : wave) {
                    r.awaitReady(180_000);
                    System.out.printf("crash: replica %d up on :%d, scheduler name %s%n", r.index, r.port, r.name);
                }
            }
            settings = settingsOf(replicas.get(0).base());
            boolean collideAtStart = namesCollide();
            if (collideAtStart) {
                System.out.println("crash: the replicas' scheduler names collide; their jobs cannot be told apart by picked_by");
            }
            String token = token(sim);
            List<String> bases = new ArrayList<>();
            replicas.forEach(r -> bases.add(r.base()));
            Portal portal = new Portal(bases, token, 120_000);

            Connection c = db(dbName);
            long updStart = scheduledTaskUpdates(c);
            Map<String, String> lastStatus = new ConcurrentHashMap<>();
            Thread sampler = new Thread(() -> {
                try (Connection s = db(dbName)) {
                    long lastStatusRead = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        Map<String, Row> rows = readRows(s);
                        latest = rows;
                        track(rows, System.currentTimeMillis());
                        if (System.currentTimeMillis() - lastStatusRead > 1000) {
                            lastStatus.putAll(statuses(s));
                            lastStatusRead = System.currentTimeMillis();
                        }
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "scheduled-tasks-sampler");
            sampler.setDaemon(true);
            sampler.start();

            long t0 = System.currentTimeMillis();
            // submissions take n / rate; repeats of refused ones may go on for another minute, no longer
            portal.deadlineMs = t0 + (long) (n * 1000 / rate) + 60_000;
            List<Thread> restarts = new CopyOnWriteArrayList<>();
            Thread killer = new Thread(() -> {
                try {
                    for (int k = 0; k < killCount; k++) {
                        long due = t0 + (k + 1) * killEveryMs;
                        Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
                        Replica target = replicas.get(k % replicas.size());
                        kill(c, target, restarts);
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }, "killer");
            killer.start();
            System.out.printf(Locale.ROOT, "crash: %d requests at %.1f/s from %d callers across %d replicas; SIGKILL every %d s (%d kills)%n",
                    n, rate, callers, replicas.size(), killEveryMs / 1000, killCount);
            List<Outcome> outcomes = submitAll(portal, runId, n, callers, rate, t0);
            long submittedMs = System.currentTimeMillis();
            killer.join();
            long lastKillMs = kills.isEmpty() ? submittedMs : kills.get(kills.size() - 1).atMs;
            Set<String> accepted = new java.util.HashSet<>();
            outcomes.forEach(x -> accepted.addAll(x.ids));
            System.out.printf(Locale.ROOT, "crash: submissions done after %.0f s; waiting for every request and orphaned job (at most %d s after the last kill)%n",
                    (submittedMs - t0) / 1000.0, maxWaitMs / 1000);
            long deadline = Math.max(submittedMs + 30_000, lastKillMs + maxWaitMs);
            long lastPrint = 0;
            while (System.currentTimeMillis() < deadline) {
                boolean requestsDone = accepted.stream().allMatch(id -> terminal(lastStatus.get(id)));
                boolean orphansDone = kills.stream().flatMap(k -> k.orphans.stream()).allMatch(Orphan::settled);
                if (requestsDone && orphansDone) {
                    break;
                }
                if (System.currentTimeMillis() - lastPrint > 15_000) {
                    lastPrint = System.currentTimeMillis();
                    System.out.printf(Locale.ROOT, "crash: t=%4.0f s  %d/%d SUCCEEDED, %d orphaned jobs not resumed yet%n", (lastPrint - t0) / 1000.0,
                            accepted.stream().filter(id -> "SUCCEEDED".equals(lastStatus.get(id))).count(), accepted.size(),
                            kills.stream().flatMap(k -> k.orphans.stream()).filter(x -> !x.settled()).count());
                }
                Thread.sleep(500);
            }
            long endMs = System.currentTimeMillis();
            for (Thread t : restarts) {
                t.join(1000);
            }
            Thread.sleep(11_000); // table counters reach pg_stat_user_tables when backends go idle, within 10 s
            long updEnd = scheduledTaskUpdates(c);
            sampler.interrupt();
            report(c, outcomes, t0, endMs, updEnd - updStart);
            c.close();
        }

        void kill(Connection c, Replica target, List<Thread> restarts) throws Exception {
            boolean collide = namesCollide() || target.name == null;
            // Kill while the replica holds at least one job, if that happens within 3 s (most steps last well under a second).
            long waitUntil = System.currentTimeMillis() + 3000;
            while (System.currentTimeMillis() < waitUntil && !holdsJobs(latest, target.name, collide, orphaned())) {
                Thread.sleep(50);
            }
            Map<String, Row> before = readRows(c);
            target.process.destroyForcibly(); // SIGKILL
            long at = System.currentTimeMillis();
            target.process.waitFor();
            List<Row> held = new ArrayList<>();
            Set<String> already = orphaned(); // still waiting from an earlier kill: not this replica's
            for (Row row : before.values()) {
                if (row.picked() && !already.contains(row.instance()) && (collide || target.name.equals(row.pickedBy()))) {
                    held.add(row);
                }
            }
            Kill kill = new Kill(target.index, target.name, at, collide, (int) before.values().stream().filter(Row::picked).count());
            held.forEach(row -> kill.orphans.add(new Orphan(row)));
            kills.add(kill);
            System.out.printf("crash: SIGKILL replica %d (scheduler %s) holding %s job(s)%s%n", target.index, target.name,
                    collide ? "some of " + held.size() + " picked" : String.valueOf(held.size()),
                    collide ? " (names collide: every picked job is followed and the killed replica's told apart by how db-scheduler treats them)" : "");
            target.start();
            Thread t = new Thread(() -> {
                try {
                    kill.restartedReadyMs = target.awaitReady(180_000);
                    System.out.printf(Locale.ROOT, "crash: replica %d back after %.1f s, scheduler name %s%n", target.index,
                            (kill.restartedReadyMs - at) / 1000.0, target.name);
                } catch (Exception e) {
                    System.out.println("crash: replica " + target.index + " did not come back: " + e.getMessage());
                }
            });
            t.start();
            restarts.add(t);
        }

        /** Jobs of earlier kills that no replica has picked again yet. */
        Set<String> orphaned() {
            Set<String> ids = new java.util.HashSet<>();
            for (Kill k : kills) {
                for (Orphan x : k.orphans) {
                    if (!x.settled()) {
                        ids.add(x.instance);
                    }
                }
            }
            return ids;
        }

        static boolean holdsJobs(Map<String, Row> rows, String name, boolean collide, Set<String> orphaned) {
            for (Row row : rows.values()) {
                if (row.picked() && !orphaned.contains(row.instance()) && (collide || name.equals(row.pickedBy()))) {
                    return true;
                }
            }
            return false;
        }

        void report(Connection c, List<Outcome> outcomes, long t0, long endMs, long updates) throws Exception {
            Map<String, Integer> rowsByName = new HashMap<>();
            Map<String, String> statusById = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select id, display_name, status from team_request")) {
                while (r.next()) {
                    statusById.put(r.getString(1), r.getString(3));
                    rowsByName.merge(r.getString(2), 1, Integer::sum);
                }
            }
            int neverAccepted = 0;
            int acceptedNotSucceeded = 0;
            int missing = 0;
            int endedOtherwise = 0;
            int unfinished = 0;
            int doubledByKey = 0;
            int doubledInDb = 0;
            for (Outcome x : outcomes) {
                if (x.id == null) {
                    neverAccepted++;
                    continue;
                }
                if (x.ids.size() > 1) {
                    doubledByKey++;
                }
                if (rowsByName.getOrDefault(x.name, 0) > 1) {
                    doubledInDb++;
                }
                String status = statusById.get(x.id);
                if (status == null) {
                    missing++;
                } else if (!"SUCCEEDED".equals(status)) {
                    acceptedNotSucceeded++;
                    if (terminal(status)) {
                        endedOtherwise++;
                    } else {
                        unfinished++;
                    }
                }
            }
            Map<String, Object> counters = counters(sim);
            Map<String, Object> created = Json.map(counters.get("teamsCreatedByDisplayName"));
            int doubledTeams = 0;
            int noTeam = 0;
            for (Outcome x : outcomes) {
                Object count = created.get(x.name);
                int teams = count instanceof Number num ? num.intValue() : 0;
                if (teams > 1) {
                    doubledTeams++;
                }
                if (teams == 0 && x.id != null) {
                    noTeam++;
                }
            }

            boolean collide = kills.stream().anyMatch(k -> k.namesCollide);
            List<Double> waits = new ArrayList<>();
            int unresolved = 0;
            int excluded = 0;
            int held = 0;
            List<String> perKill = new ArrayList<>();
            List<String> stuck = new ArrayList<>();
            for (Kill k : kills) {
                int kHeld = 0;
                List<String> kw = new ArrayList<>();
                for (Orphan x : k.orphans) {
                    if ("live".equals(x.verdict) || "gone".equals(x.verdict)) {
                        excluded++; // its holder was alive (another replica, or the killed one finishing just before the kill)
                        continue;
                    }
                    double w = x.resumedMs == 0 ? Double.NaN : (x.resumedMs - k.atMs) / 1000.0;
                    if (x.resumedMs == 0) {
                        stuck.add(x.instance + " (" + x.last.describe() + ", request " + statusById.get(x.instance) + ")");
                    }
                    kHeld++;
                    if (Double.isNaN(w)) {
                        unresolved++;
                        kw.add("not resumed");
                    } else {
                        waits.add(w);
                        kw.add(fmt(w) + " s");
                    }
                }
                held += kHeld;
                perKill.add("replica " + k.replica + " at " + fmt((k.atMs - t0) / 1000.0) + " s: " + kHeld + " job(s) " + kw
                        + (k.restartedReadyMs > 0 ? ", back after " + fmt((k.restartedReadyMs - k.atMs) / 1000.0) + " s" : ", not back"));
            }
            Collections.sort(waits);

            Props p = new Props();
            p.put("crash.requests", outcomes.size());
            p.put("crash.replicas", replicas.size());
            p.put("crash.kills", kills.size());
            summarizeSubmits(outcomes, outcomes.size(), "crash.submit.", p);
            p.put("crash.lost", acceptedNotSucceeded + missing);
            p.put("crash.lost_not_succeeded", acceptedNotSucceeded);
            p.put("crash.lost_missing", missing);
            p.put("crash.lost_failed_or_cancelled", endedOtherwise);
            p.put("crash.lost_unfinished_at_end", unfinished);
            p.put("crash.never_accepted", neverAccepted);
            p.put("crash.doubled_requests", Math.max(doubledByKey, doubledInDb));
            p.put("crash.doubled_requests_by_key", doubledByKey);
            p.put("crash.doubled_requests_in_db", doubledInDb);
            p.put("crash.doubled_teams", doubledTeams);
            p.put("crash.accepted_without_team", noTeam);
            Map<String, Integer> byStatus = new TreeMap<>();
            statusById.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
            p.put("crash.final_status", byStatus.toString());
            p.put("crash.duration_s", fmt((endMs - t0) / 1000.0));
            p.put("crash.scheduled_tasks_updates_per_s", fmt(updates / Math.max(1.0, (endMs - t0) / 1000.0)));
            List<String> names = new ArrayList<>();
            replicas.forEach(r -> names.add(String.valueOf(r.name)));
            p.put("failover.scheduler_names", names.toString());
            p.put("failover.picked_by_seen", new java.util.TreeSet<>(namesSeen).toString());
            p.put("failover.names_collide", collide);
            p.put("failover.names_known", replicas.stream().allMatch(r -> r.name != null)
                    && kills.stream().allMatch(k -> k.name != null));
            p.put("failover.jobs_timed", held);
            p.put("failover.jobs_picked_at_kills_not_orphaned", excluded);
            p.put("failover.jobs_not_resumed", unresolved);
            p.put("failover.observed_until_s", fmt((endMs - t0) / 1000.0));
            if (!waits.isEmpty()) {
                p.put("failover.max_s", unresolved > 0 ? "> " + fmt((endMs - kills.get(kills.size() - 1).atMs) / 1000.0) : fmt(waits.get(waits.size() - 1)));
                p.put("failover.median_s", fmt(waits.get(waits.size() / 2)));
                p.put("failover.min_s", fmt(waits.get(0)));
            } else if (unresolved > 0) {
                p.put("failover.max_s", "> " + fmt((endMs - kills.get(kills.size() - 1).atMs) / 1000.0));
            } else {
                p.put("failover.max_s", "n/a");
            }
            p.put("failover.per_kill", String.join("; ", perKill));
            p.put("failover.not_resumed_rows", stuck.isEmpty() ? "none" : String.join("; ", stuck));
            settings.forEach(p::put);
            p.write(out.resolve("crash.properties"));
            p.print();
        }
    }

    // ------------------------------------------------------------------ effective settings

    static final List<String> SETTINGS_PREFIXES = List.of("provisioner.provisioning", "provisioner.jobs", "provisioner.graph.retry",
            "resilience4j.ratelimiter");

    /** Prints the pacing, job and heartbeat settings the replica runs with, from /actuator/configprops. */
    static void settings(String base) throws Exception {
        settingsOf(base).forEach((k, v) -> System.out.println(k + "=" + v));
    }

    static Map<String, String> settingsOf(String base) throws IOException, InterruptedException {
        Map<String, String> result = new TreeMap<>();
        HttpResponse<String> r = get(base + "/actuator/configprops");
        if (r.statusCode() != 200) {
            result.put("settings.unavailable", "configprops answered " + r.statusCode());
            return result;
        }
        Map<String, String> flat = new TreeMap<>();
        Map<String, Object> contexts = Json.map(Json.object(r.body()).get("contexts"));
        for (Object context : contexts.values()) {
            Map<String, Object> beans = Json.map(Json.map(context).get("beans"));
            for (Object bean : beans.values()) {
                Map<String, Object> b = Json.map(bean);
                String prefix = String.valueOf(b.get("prefix"));
                if (SETTINGS_PREFIXES.stream().anyMatch(prefix::startsWith)) {
                    flatten(prefix, b.get("properties"), flat);
                }
            }
        }
        flat.forEach((k, v) -> {
            // secrets never; Resilience4j lists each limiter twice (instances, limiters) and an aspect order
            if (!k.toLowerCase(Locale.ROOT).contains("secret") && !k.contains(".limiters.") && !k.endsWith("AspectOrder")) {
                result.put("settings." + k, v);
            }
        });
        return result;
    }

    static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix + "." + k, v, into));
        } else if (value instanceof List<?> l) {
            into.put(prefix, l.toString());
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }

    // ------------------------------------------------------------------ results file

    static final class Props {
        final Map<String, String> values = new LinkedHashMap<>();

        void put(String key, Object value) {
            values.put(key, String.valueOf(value));
        }

        String get(String key) {
            return values.get(key);
        }

        void write(Path file) throws IOException {
            List<String> lines = new ArrayList<>();
            values.forEach((k, v) -> lines.add(k + "=" + v.replace("\n", " ")));
            Files.write(file, lines);
        }

        void print() {
            values.forEach((k, v) -> System.out.println("  " + k + " = " + v));
        }
    }

    // ------------------------------------------------------------------ a small JSON reader

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Map<String, Object> object(String text) {
            return map(new Json(text).value());
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object o) {
            return o instanceof Map ? (Map<String, Object>) o : Map.of();
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        i++; // :
                        m.put(k, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    i += 4;
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    i += 5;
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    i += 4;
                    return null;
                }
                default -> {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(start, i);
                    if (num.contains(".") || num.contains("e") || num.contains("E")) {
                        return Double.parseDouble(num);
                    }
                    return Long.parseLong(num);
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
