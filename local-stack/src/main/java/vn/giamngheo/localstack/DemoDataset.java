package vn.giamngheo.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo content (plans and tasks of Sơn La's poverty-reduction program), read from {@code demo/demo-data.json} so
 * that a wording fix is a data change.
 *
 * @param units the units the content refers to, code to name; for readers of the file and for its test
 */
public record DemoDataset(Map<String, String> units, List<Plan> plans, List<Task> tasks) {

    static final String RESOURCE = "/demo/demo-data.json";

    public DemoDataset {
        units = units == null ? Map.of() : Map.copyOf(units);
        plans = plans == null ? List.of() : List.copyOf(plans);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public static DemoDataset load() {
        try (InputStream in = DemoDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LocalStackException("Missing resource " + RESOURCE + " in the local-stack jar");
            }
            return JsonMapper.shared().readValue(in, DemoDataset.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plan, created and then issued.
     *
     * @param parentCode the code of the plan this one implements, listed earlier; null for the top
     */
    public record Plan(String code, String title, String kind, String issuingUnitCode, String parentCode,
                       LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn) {
    }

    /**
     * A task, created under the plan with {@code planCode}, then given its progress reports in order, then completed
     * (if it has a completion note) or blocked (if it has a block reason).
     */
    public record Task(String planCode, String title, String kind, String leadUnitCode,
                       List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate,
                       List<Progress> progress, String completionNote, String blockReason) {

        public Task {
            coordinatingUnitCodes = coordinatingUnitCodes == null ? List.of() : List.copyOf(coordinatingUnitCodes);
            progress = progress == null ? List.of() : List.copyOf(progress);
        }
    }

    public record Progress(int percentComplete, String note) {
    }
}
