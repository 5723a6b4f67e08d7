package com.orderguard.adapter.lambda;

import java.time.Clock;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.orderguard.application.Sweep;
import com.orderguard.application.SweepReport;
import com.orderguard.config.OrderGuardConfig;

import io.quarkus.funqy.Funq;

/** The {@code sweep} Lambda, invoked on a schedule: works through what is due and returns what it did. */
public class SweepFunction {

    private static final Logger LOG = Logger.getLogger(SweepFunction.class);

    private final Sweep sweep;
    private final Clock clock;
    private final OrderGuardConfig config;

    public SweepFunction(Sweep sweep, Clock clock, OrderGuardConfig config) {
        this.sweep = sweep;
        this.clock = clock;
        this.config = config;
    }

    @Funq
    public SweepReport sweep(ScheduledEvent event) {
        String runId = event != null && event.id() != null ? event.id() : UUID.randomUUID().toString();
        SweepReport report = sweep.run(runId, clock.instant(), config.sweep().timeBudget());
        LOG.infof("sweep %s: %d due item(s) examined across %d shard(s)%s", runId, report.examined(),
                report.shards().size(), report.complete() ? "" : ", stopped at the time budget");
        return report;
    }
}
