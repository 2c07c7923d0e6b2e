package vn.trolyso.eval.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Samples a process's peak resident memory and OS threads from {@code /proc/<pid>/status} every 100 ms while a
 * level runs (0 where /proc is missing): VmRSS, the whole resident size, and RssAnon, its anonymous part (heap,
 * stacks, buffers; not the memory-mapped index files, which are shared page cache).
 */
final class ProcessSampler implements AutoCloseable {
    private final AtomicBoolean sampling = new AtomicBoolean(true);
    private final AtomicLong peakRssKb = new AtomicLong();
    private final AtomicLong peakAnonKb = new AtomicLong();
    private final AtomicLong peakThreads = new AtomicLong();
    private final Thread sampler;

    private ProcessSampler(long pid) {
        sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                peakRssKb.accumulateAndGet(statusKb(pid, "VmRSS:"), Math::max);
                peakAnonKb.accumulateAndGet(statusKb(pid, "RssAnon:"), Math::max);
                peakThreads.accumulateAndGet(statusKb(pid, "Threads:"), Math::max);
                StreamBenchCommand.sleep(100);
            }
        });
    }

    static ProcessSampler start(long pid) {
        return new ProcessSampler(pid);
    }

    /** Stops sampling and waits for the last sample. */
    @Override
    public void close() {
        sampling.set(false);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long peakRssMb() {
        return peakRssKb.get() / 1024;
    }

    long peakAnonMb() {
        return peakAnonKb.get() / 1024;
    }

    int peakThreads() {
        return (int) peakThreads.get();
    }

    private static long statusKb(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
