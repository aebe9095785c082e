package vn.giamngheo.localstack;

import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Asks the report-service to generate and publish its SYNTHETIC household poverty reviews of the demo communes (2022
 * and 2025), so rates, movements and the MPI have something to show. The service skips years already published, so
 * this is safe on every start. The request is the administrator's.
 */
final class PovertyDemo {

    static final String PATH = "/api/v1/poverty/demo?seed=2024&households=6000&years=2022,2025";

    private PovertyDemo() {
    }

    /** A one-line summary of what the report-service did, for the start-up printout. */
    static String load(String reportServiceUrl, Supplier<String> admin) {
        JsonNode outcome = new JsonHttp(reportServiceUrl, admin).post(PATH, Map.of()).requireSuccess();
        StringBuilder summary = new StringBuilder("synthetic poverty reviews (dữ liệu mô phỏng):");
        for (JsonNode year : outcome.path("years")) {
            summary.append(String.format(" %s %s (%s%% poor + near-poor)", year.path("year").asString(),
                    year.path("outcome").asString(), year.path("multidimensionalPovertyRate").asString()));
        }
        return summary.toString();
    }
}
