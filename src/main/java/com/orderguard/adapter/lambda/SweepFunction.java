package com.orderguard.adapter.lambda;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.orderguard.adapter.telemetry.LogFields;
import com.orderguard.application.Sweep;
import com.orderguard.application.SweepReport;
import com.orderguard.config.OrderGuardConfig;

import io.quarkus.funqy.Funq;

/** The {@code sweep} Lambda, invoked on a schedule: works through what is due and returns what it did. */
public class SweepFunction {

    private static final Logger LOG = Logger.getLogger(SweepFunction.class);
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9:_.-]{1,128}");

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
        // the id only names the run in the report and the logs: anything but a plain id (a scheduler's is a UUID)
        // is replaced, so that no payload can forge log lines or flood them
        String runId = event != null && event.id() != null && RUN_ID.matcher(event.id()).matches() ? event.id()
                : UUID.randomUUID().toString();
        LogFields.put(LogFields.SWEEP_RUN_ID, runId);
        try {
            return run(runId);
        } finally {
            LogFields.clear();
        }
    }

    private SweepReport run(String runId) {
        // a random first shard: runs cut short by their budget still reach every shard over time
        int firstShard = ThreadLocalRandom.current().nextInt(config.dueIndex().shards());
        SweepReport report = sweep.run(runId, clock.instant(), config.sweep().timeBudget(), firstShard);
        LOG.infof("sweep %s: examined %d, acted on %d, failed %d across %d shard(s); looked at %d shop(s)%s", runId,
                report.examined(), report.acted(), report.failed(), report.shards().size(), report.shopsLooked(),
                report.complete() ? "" : "; stopped at the time budget, the next run continues");
        for (SweepReport.ShardReport shard : report.shards()) {
            if (shard.examined() > 0) {
                LOG.infof("sweep %s shard %d: examined %d, acted %d, skipped %d, failed %d, pages %d, max lag %ds,"
                        + " millis %d", runId, shard.shard(), shard.examined(), shard.acted(), shard.skipped(),
                        shard.failed(), shard.pages(), shard.maxLagSeconds(), shard.millis());
            }
        }
        return report;
    }
}
