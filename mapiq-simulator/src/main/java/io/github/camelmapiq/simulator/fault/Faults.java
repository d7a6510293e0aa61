package io.github.camelmapiq.simulator.fault;

import io.github.camelmapiq.simulator.Fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** The injected faults and their remaining counts; the first matching fault wins. */
public final class Faults {

    private record Rule(Fault fault, AtomicInteger remaining) {
    }

    private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();

    public void add(Fault f) {
        rules.add(new Rule(f, new AtomicInteger(f.times())));
    }

    public void clear() {
        rules.clear();
    }

    public List<Fault> active() {
        return rules.stream().map(Rule::fault).toList();
    }

    public Fault match(String method, String path, boolean tokenPath) {
        if (rules.isEmpty()) {
            return null;
        }
        for (Rule r : rules) {
            Fault f = r.fault();
            if (f.path() == null ? tokenPath : !path.startsWith(f.path())) {
                continue;
            }
            if (f.method() != null && !f.method().equals(method)) {
                continue;
            }
            if (f.fraction() < 1 && ThreadLocalRandom.current().nextDouble() >= f.fraction()) {
                continue;
            }
            if (f.times() > 0) {
                int left = r.remaining().getAndDecrement();
                if (left <= 0) {
                    rules.remove(r);
                    continue;
                }
                if (left == 1) {
                    rules.remove(r);
                }
            }
            return f;
        }
        return null;
    }
}
