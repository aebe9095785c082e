package vn.giamngheo.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command path's load generator: a fixed number of client threads, each sending its next request as soon as the
 * previous one was answered (closed loop, like a crowd of units pressing "save"), first a warm-up whose answers are
 * not counted, then the measured window. Throughput = requests answered 2xx inside the window / its length; latency =
 * send to full answer of each request started inside the window.
 */
final class ClosedLoopLoad {

    /** Builds the request a client thread sends as its n-th request. */
    interface Requests {
        HttpRequest next(int thread, long n);
    }

    record Result(double throughput, Stats latency, long errors) {
    }

    private ClosedLoopLoad() {
    }

    static Result run(Api api, int threads, Duration warmUp, Duration measured, Requests requests)
            throws InterruptedException {
        long start = System.nanoTime();
        long windowStart = start + warmUp.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        List<double[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            double[] mine = new double[1 << 16];
            latencies.add(mine);
            Thread client = new Thread(() -> {
                try {
                    long n = 0;
                    double[] own = mine;
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= windowEnd) {
                            break;
                        }
                        int status;
                        try {
                            status = api.status(requests.next(thread, n++));
                        } catch (Exception e) {
                            status = -1;
                        }
                        long answered = System.nanoTime();
                        if (sent >= windowStart && answered <= windowEnd) {
                            if (status >= 200 && status < 300) {
                                if (counts[thread] == own.length) {
                                    own = java.util.Arrays.copyOf(own, own.length * 2);
                                    latencies.set(thread, own);
                                }
                                own[counts[thread]++] = (answered - sent) / 1e6;
                            } else {
                                errors.incrementAndGet();
                            }
                        } else if (status < 200 || status >= 300) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-client-" + t);
            client.setDaemon(true);
            clients.add(client);
        }
        clients.forEach(Thread::start);
        done.await();
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        double[] all = new double[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        return new Result(total / (measured.toNanos() / 1e9), Stats.of(all), errors.get());
    }
}
