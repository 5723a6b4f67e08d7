package com.orderguard.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/**
 * Runs {@link DecisionEngineJmh} through JMH's API: throughput for decisions per second, sample time for the latency
 * percentiles. One forked JVM by default ({@code -Dbench.jmh.forks}; 0 runs in the test JVM, where the application
 * under test and DynamoDB Local share the CPU, so the output says so).
 */
public final class DecisionEngineRun {

    private DecisionEngineRun() {
    }

    /** What JMH measured, latencies in microseconds. */
    public record Figures(double decisionsPerSecond, double p50Micros, double p99Micros, double p999Micros,
            long samples, int forks, int scenarios, String setup) {
    }

    /** Runs the benchmark, writing JMH's own log to {@code log}. */
    public static Figures measure(Path log, int forks) throws RunnerException {
        int warmups = Integer.getInteger("bench.jmh.warmups", 3);
        int iterations = Integer.getInteger("bench.jmh.iterations", 5);
        Options options = new OptionsBuilder()
                .include(DecisionEngineJmh.class.getName() + ".decide")
                .mode(Mode.Throughput)
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(2))
                .threads(1)
                .forks(forks)
                // a fixed heap, so that heap resizing does not show up as latency; nothing inherited from surefire
                .jvmArgs("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true)
                .output(log.toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double perSecond = 0;
        Statistics latency = null;
        for (RunResult result : results) {
            Mode mode = result.getParams().getMode();
            if (mode == Mode.Throughput) {
                perSecond = result.getPrimaryResult().getScore() * 1_000_000;
            } else if (mode == Mode.SampleTime) {
                latency = result.getPrimaryResult().getStatistics();
            }
        }
        if (latency == null) {
            throw new IllegalStateException("JMH returned no sample-time result; see " + log);
        }
        return new Figures(perSecond, latency.getPercentile(50), latency.getPercentile(99),
                latency.getPercentile(99.9), latency.getN(), forks, DecisionMix.realistic(Packs.CATALOG, TestOrders.T)
                .size(), warmups + " x 2 s warm-up, " + iterations + " x 2 s measurement per mode");
    }
}
