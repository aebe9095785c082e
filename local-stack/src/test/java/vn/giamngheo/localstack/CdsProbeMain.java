package vn.giamngheo.localstack;

import java.util.concurrent.ConcurrentSkipListMap;

/** A tiny application for {@link ClassDataSharingTest}: loads one class of its own and one of the JDK's, then exits. */
public final class CdsProbeMain {

    private CdsProbeMain() {
    }

    public static void main(String[] args) {
        ConcurrentSkipListMap<String, Runnable> work = new ConcurrentSkipListMap<>();
        work.put("probe", () -> { });
        work.values().forEach(Runnable::run);
    }
}
