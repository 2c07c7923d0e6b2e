package vn.trolyso.eval.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One load level's figures (times in nanoseconds): errors, streams not answered generatively, the first-token lag
 * over the stub's own first token, the total time over the stub's floor, "burst" streams (no token before the last
 * 10 % of the stream's time), and the server process's peaks.
 */
record LevelResult(int errors, int notGenerative, long lagP50, long lagP99, long overP50, long overP99,
                   int bursts, long peakRssMb, long peakAnonMb, int peakThreads) {

    /** Runs {@code n} concurrent streams and measures them, sampling the server process {@code serverPid}. */
    static LevelResult measure(ChatStreamClient client, PacedOllama ollama, int n, long serverPid) {
        ollama.forget();
        List<ChatStreamClient.Stream> streams;
        ProcessSampler sampler = ProcessSampler.start(serverPid);
        try (sampler) {
            streams = client.concurrently(n, Duration.ZERO);
        }
        StreamBenchCommand.awaitClosed(ollama, Duration.ofSeconds(10));

        long floor = ollama.floor().toNanos();
        List<Long> lags = new ArrayList<>();
        List<Long> overs = new ArrayList<>();
        int errors = 0;
        int notGenerative = 0;
        int bursts = 0;
        for (ChatStreamClient.Stream s : streams) {
            if (s.status() != 200 || s.error() != null || s.doneAt() == 0) {
                errors++;
                continue;
            }
            if (!"generative".equals(s.mode()) || s.notice()) {
                notGenerative++;
                continue;
            }
            Long stubFirst = ollama.firstTokenSentAt(s.generation());
            if (stubFirst != null && s.firstTokenAt() > 0) {
                lags.add(s.firstTokenAt() - stubFirst);
            }
            overs.add(s.doneAt() - s.sentAt() - floor);
            long span = s.doneAt() - s.sentAt();
            if (s.firstTokenAt() - s.sentAt() >= 0.9 * span) {
                bursts++;
            }
        }
        return new LevelResult(errors, notGenerative, pct(lags, 0.5), pct(lags, 0.99), pct(overs, 0.5),
                pct(overs, 0.99), bursts, sampler.peakRssMb(), sampler.peakAnonMb(), sampler.peakThreads());
    }

    /** The row of the level table. */
    Object[] row(int streams, Object run) {
        return new Object[] {streams, run, errors, notGenerative, ms(lagP50), ms(lagP99), ms(overP50), ms(overP99),
                bursts, peakRssMb, peakAnonMb, peakThreads};
    }

    Map<String, Object> json(int streams, int run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streams", streams);
        m.put("run", run == 0 ? "median" : run);
        m.put("errors", errors);
        m.put("notGenerative", notGenerative);
        m.put("firstTokenLagP50Ms", lagP50 / 1e6);
        m.put("firstTokenLagP99Ms", lagP99 / 1e6);
        m.put("totalOverFloorP50Ms", overP50 / 1e6);
        m.put("totalOverFloorP99Ms", overP99 / 1e6);
        m.put("burstStreams", bursts);
        m.put("peakRssMb", peakRssMb);
        m.put("peakRssAnonMb", peakAnonMb);
        m.put("peakOsThreads", peakThreads);
        return m;
    }

    static LevelResult median(List<LevelResult> rs) {
        return new LevelResult((int) med(rs, LevelResult::errors), (int) med(rs, LevelResult::notGenerative),
                (long) med(rs, LevelResult::lagP50), (long) med(rs, LevelResult::lagP99),
                (long) med(rs, LevelResult::overP50), (long) med(rs, LevelResult::overP99),
                (int) med(rs, LevelResult::bursts), (long) med(rs, LevelResult::peakRssMb),
                (long) med(rs, LevelResult::peakAnonMb), (int) med(rs, LevelResult::peakThreads));
    }

    private static double med(List<LevelResult> rs, ToDoubleFunction<LevelResult> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static long pct(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format("%.0f", nanos / 1e6);
    }
}
