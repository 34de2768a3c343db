package org.teamsprovisioner.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.request.TeamSpec;

/**
 * Policy evaluation with 5,000 blocked words: prints figures, asserts nothing (speed targets are
 * not tests). Run with {@code src/bench/policy-benchmark.sh}. Directory reads are left out: they are
 * network calls, measured by the load benchmarks; this measures the CPU cost the policy adds.
 */
public final class PolicyBenchmark {

    private static final int BLOCKED_WORDS = 5_000;
    private static final int NAMES = 20_000;

    public static void main(String[] args) {
        Random random = new Random(42);
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "provisioner.policy.naming.prefix", "GRP-[Department]-",
                "provisioner.policy.naming.suffix", "-[CountryOrRegion]",
                "provisioner.policy.owners.min", "2",
                "provisioner.policy.channels.required[0]", "Announcements"));
        for (int i = 0; i < BLOCKED_WORDS; i++) {
            settings.put("provisioner.policy.naming.blocked-words[" + i + "]", word(random) + (i % 10 == 0 ? " " + word(random) : ""));
        }
        PolicyProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("provisioner.policy", PolicyProperties.class);

        long heapBefore = usedHeap();
        long buildStart = System.nanoTime();
        OrgPolicy policy = new OrgPolicy(properties);
        long buildNanos = System.nanoTime() - buildStart;
        long heapAfter = usedHeap();
        CheckTeamRequest check = new CheckTeamRequest(policy, null);

        DirectoryUser alice = new DirectoryUser("a1", "alice@contoso.com", "Alice", "Sales", "Contoso", "Oslo", "Oslo", "NO",
                "Manager", "Member");
        DirectoryUser bob = new DirectoryUser("b1", "bob@contoso.com", "Bob", "Sales", "Contoso", "Oslo", "Oslo", "NO",
                "Engineer", "Member");
        Map<String, DirectoryUser> owners = Map.of("alice@contoso.com", alice, "bob@contoso.com", bob);
        List<TeamSpec> specs = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            String name = word(random) + " " + word(random) + " " + word(random) + " project " + i;
            specs.add(TeamSpec.requested(name, "Benchmark team", null, null, List.of("alice@contoso.com", "bob@contoso.com"),
                    List.of(), List.of(new TeamSpec.ChannelSpec("Planning", null, false)), null));
        }
        Caller requester = Caller.of("a1");
        for (int i = 0; i < 5_000; i++) { // warm-up
            check.decide(specs.get(i % specs.size()), requester, alice, owners, Map.of());
        }
        int rejected = 0;
        long start = System.nanoTime();
        for (TeamSpec spec : specs) {
            if (!check.decide(spec, requester, alice, owners, Map.of()).isValid()) {
                rejected++;
            }
        }
        long evalNanos = System.nanoTime() - start;

        System.out.printf("blocked words: %d (indexed %d phrases)%n", BLOCKED_WORDS, policy.blockedWords.size());
        System.out.printf("policy build: %.1f ms, ~%.1f MB heap%n", buildNanos / 1e6, Math.max(0, heapAfter - heapBefore) / 1e6);
        System.out.printf("evaluations: %d in %.1f ms = %.1f µs each (%d rejected for blocked words)%n",
                NAMES, evalNanos / 1e6, evalNanos / 1e3 / NAMES, rejected);
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 4 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
