package vn.giamngheo.localstack;

/**
 * What loading the demo data did.
 *
 * @param loadedNow false if the marker showed it was loaded by an earlier start
 * @param plans     plans created or found by code
 * @param tasks     tasks created (0 when nothing was loaded now)
 */
public record DemoDataOutcome(boolean loadedNow, int plans, int tasks) {

    static DemoDataOutcome alreadyLoaded() {
        return new DemoDataOutcome(false, 0, 0);
    }
}
