package vn.giamngheo.faulttests;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.faulttests.Hostile.Field;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bson.Document;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.giamngheo.localstack.DemoIdentities;
import vn.giamngheo.localstack.Service;

/**
 * More than 10,000 malformed or hostile requests, generated from a seed, against the write and list endpoints of all
 * three services: wrong types, missing fields, huge strings, impossible dates, Mongo operators and other injections in
 * bodies, query parameters and paths, path traversal, Unicode edge cases. No answer may be a 5xx, no invalid request
 * may be accepted, and the databases and topics must hold exactly what they held before, plus the nasty-but-valid
 * writes, stored exactly as sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({InstancioExtension.class, RestoreAndReport.class})
class HostileInputFaultTest implements RestoreAndReport.Scenarios {

    static final int CLIENTS = 4;
    /** Requests without a valid token in the hostile-headers scenario. */
    static final int UNAUTHENTICATED = 300;

    FaultStack stack;
    String draftPlan;
    String issuedPlan;
    String task;
    String allocation;
    Map<String, Map<String, String>> before;
    int planEventsBefore;
    int taskEventsBefore;
    final AtomicInteger sent = new AtomicInteger();

    @BeforeAll
    void startStackWithOneOfEverything() {
        stack = FaultStack.start("hostile");
        draftPlan = Workloads.plan(stack, "FUZZ", false);
        issuedPlan = Workloads.plan(stack, "FUZZ", true);
        task = Workloads.tasks(stack, issuedPlan, 1).get(0);
        assertThat(stack.plans.post("/api/v1/units", """
                {"code":"FUZZ-UNIT","kind":"AGENCY","nameVi":"Đơn vị thử","nameEn":"Test unit","parentCode":"14",
                 "validFrom":"2021-01-01"}""").status()).isEqualTo(201);
        Api.Reply funds = stack.plans.post("/api/v1/plans/" + issuedPlan + "/allocations", """
                {"unitCode":"SLDTBXH-14","source":"CENTRAL_BUDGET","year":2026,"allocatedAmount":1000000000}""");
        assertThat(funds.status()).as("%s", funds).isEqualTo(201);
        allocation = funds.text("id");
        Settled.check(stack, java.util.Set.of());
    }

    /** Each scenario is compared with the state just before it, so that one failure does not hide the others. */
    @BeforeEach
    void rememberTheStores() {
        before = snapshot();
        planEventsBefore = stack.readAll("plan.events").size();
        taskEventsBefore = stack.readAll("task.events").size();
    }

    @Override
    public FaultStack faultStack() {
        return stack;
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            System.out.println("FAULT-SUITE S7 hostile input | requests sent=" + sent.get());
            stack.close();
        }
    }

    /**
     * A request and what its answer must satisfy; it goes to the service as the administrator, or through {@code via}
     * (e.g. the public's client) when that is given.
     */
    record Probe(String service, HttpRequest request, String description, Predicate<Api.Reply> acceptable, Api via) {

        Probe(String service, HttpRequest request, String description, Predicate<Api.Reply> acceptable) {
            this(service, request, description, acceptable, null);
        }
    }

    @Test
    @Order(1)
    void invalid_bodies_on_every_write_endpoint_are_refused_and_store_nothing() {
        // given
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Endpoint endpoint = Hostile.oneOf(writeEndpoints());
            String body = Hostile.invalidBody(endpoint.valid(), endpoint.fields());
            probes.add(new Probe(endpoint.service(), request(endpoint.service(), endpoint.method(), endpoint.path(),
                    body, "application/json"), endpoint.method() + " " + endpoint.path() + " " + abbreviate(body),
                    refused()));
        }

        // when / then
        sendAll(probes);
        assertUnchanged();
    }

    @Test
    @Order(2)
    void hostile_query_parameters_on_every_list_endpoint_never_fail_and_never_widen_a_filter() {
        // given
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 3_500; i++) {
            ListEndpoint endpoint = Hostile.oneOf(listEndpoints());
            StringBuilder query = new StringBuilder();
            boolean injectedIntoTextFilter = false;
            int parameters = Hostile.between(1, 4);
            for (int p = 0; p < parameters; p++) {
                String name;
                String value;
                switch (Hostile.between(0, 4)) {
                    case 0 -> {
                        name = Hostile.oneOf(endpoint.textFilters());
                        value = Hostile.oneOf(Hostile.INJECTIONS);
                        injectedIntoTextFilter = true;
                    }
                    case 1 -> {
                        name = Hostile.oneOf(endpoint.typedFilters());
                        value = Hostile.chance(50) ? Hostile.oneOf(Hostile.INVALID_DATES)
                                : Hostile.oneOf(List.of("-1", "abc", "99999999999", "2147483648", "1e9", "NaN",
                                "{\"$ne\":null}", "DONE' OR '1'='1", ""));
                    }
                    case 2 -> {
                        name = Hostile.oneOf(List.of("page", "size"));
                        value = Hostile.oneOf(List.of("-1", "0", "2147483647", "99999999999", "abc", "1.5", "",
                                "10000000", "200", "201", "%00"));
                    }
                    case 3 -> {
                        name = Hostile.oneOf(endpoint.textFilters()) + Hostile.oneOf(List.of("[$ne]", "[$gt]",
                                "[$regex]", "[]", ".$where", "[0]"));
                        value = Hostile.oneOf(List.of("", "x", ".*", "null"));
                    }
                    default -> {
                        name = Hostile.oneOf(endpoint.textFilters());
                        value = Hostile.chance(20) ? Hostile.text(Hostile.between(2_000, 20_000))
                                : Hostile.nastyText(200);
                    }
                }
                query.append(p == 0 ? "?" : "&").append(Hostile.encode(name)).append('=')
                        .append(Hostile.encode(value));
            }
            boolean mustFindNothing = injectedIntoTextFilter;
            probes.add(new Probe(endpoint.service(), request(endpoint.service(), "GET", endpoint.path() + query, null,
                    null), "GET " + endpoint.path() + query, reply -> reply.status() < 500 && (!mustFindNothing
                    || reply.status() != 200 || reply.json().get("total").asLong() == 0)));
        }

        // when / then
        sendAll(probes);
        assertUnchanged();
    }

    @Test
    @Order(3)
    void hostile_paths_headers_and_content_types_are_refused_without_a_server_error() {
        // given
        List<Probe> probes = new ArrayList<>();
        List<String> ids = List.of("..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..;", "%00", "%7B%22%24ne%22%3Anull%7D",
                "' OR 1=1 --", "%E2%80%AE", "a".repeat(5_000), "%F0%9F%98%80", "null", "undefined", "-1",
                "%C0%AE%C0%AE", "%25", "~", "*", "$ne");
        for (int i = 0; i < 1_000; i++) {
            String id = Hostile.oneOf(ids).replace(" ", "%20").replace("'", "%27");
            switch (Hostile.between(0, 5)) {
                case 0 -> probes.add(new Probe("task", request("task", "GET", "/api/v1/tasks/" + id, null, null),
                        "GET task " + id, notFoundOrRefused()));
                case 1 -> probes.add(new Probe("task", request("task", "POST", "/api/v1/tasks/" + id + "/progress",
                        "{\"percentComplete\":10,\"note\":\"x\"}", "application/json"), "progress of " + id,
                        refused()));
                case 2 -> probes.add(new Probe("plan", request("plan", "POST", "/api/v1/plans/" + id + "/issue",
                        "{\"issuedOn\":\"2026-01-15\"}", "application/json"), "issue " + id, refused()));
                case 3 -> probes.add(new Probe("report", request("report", "GET", "/api/v1/reports/plans/" + id
                        + "/progress", null, null), "progress report of " + id, notFoundOrRefused()));
                case 4 -> {
                    String ifMatch = Hostile.oneOf(List.of("\"abc\"", "W/\"x\"", "\"-1\"", "\"99999999999999999999\"",
                            "\"0\"", "\"1e3\"", "{\"$ne\":null}", "\"1\", \"2\"", "\"\u00e9\""));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(stack.tasks.baseUrl() + "/api/v1/tasks/"
                                    + task + "/block")).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("If-Match", ifMatch)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Thử If-Match\"}")).build();
                    probes.add(new Probe("task", request, "If-Match " + ifMatch, refused()));
                }
                default -> {
                    String contentType = Hostile.oneOf(List.of("text/plain", "application/xml",
                            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                            "application/json; charset=ISO-8859-1", "application/json"));
                    String body = Hostile.oneOf(List.of("<plan><code>x</code></plan>", "code=x&title=y",
                            "{\"code\":", "\u0000\u0001\u0002", "[]", "null", "\"just a string\"", "{\"a\":" + "[".repeat(2_000),
                            "{" + "\"k\":1,".repeat(10_000) + "\"k\":2}"));
                    probes.add(new Probe("plan", request("plan", "POST", "/api/v1/plans", body, contentType),
                            contentType + " " + abbreviate(body), refused()));
                }
            }
        }
        // and valid requests that only a signed-in caller may make, with no token or one that is no good
        probes.addAll(withoutAValidToken(UNAUTHENTICATED));

        // when / then
        sendAll(probes);
        assertUnchanged();
    }

    /**
     * Writes with valid bodies (and reads of what is not public) sent without a valid token: none at all, a token
     * that is no JWT, the administrator's real token with a forged signature, with a claim changed after signing or
     * with its signature stripped ({@code alg: none}), a password instead of a token, a scheme without a token. Each
     * must be refused with a 401 problem before anything happens.
     */
    private List<Probe> withoutAValidToken(int count) {
        String[] real = stack.stack.tokens().user(DemoIdentities.admin().username(),
                DemoIdentities.admin().password()).split("\\.");
        // (the last character of a signature also carries padding bits, so the first one is changed)
        String forged = real[0] + "." + real[1] + "." + (real[2].charAt(0) == 'A' ? 'B' : 'A') + real[2].substring(1);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String claims = new String(Base64.getUrlDecoder().decode(real[1]), StandardCharsets.UTF_8);
        String changed = claims.replace("\"sub\":\"admin\"", "\"sub\":\"admin2\"");
        assertThat(changed).as("the token's claims with another subject").isNotEqualTo(claims);
        String promoted = real[0] + "." + base64url.encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "."
                + real[2];
        String unsigned = base64url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(
                StandardCharsets.UTF_8)) + "." + real[1] + ".";
        String password = Base64.getEncoder().encodeToString((DemoIdentities.admin().username() + ":"
                + DemoIdentities.admin().password()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("no token", null);
        authorizations.put("not a JWT", "Bearer not-a-token");
        authorizations.put("forged signature", "Bearer " + forged);
        authorizations.put("claims changed after signing", "bearer " + promoted);
        authorizations.put("alg none", "Bearer " + unsigned);
        authorizations.put("password", "Basic " + password);
        authorizations.put("scheme only", "Bearer");
        String newTask = """
                {"planId":"%s","title":"Nhiệm vụ không có người giao","kind":"REPORTING","leadUnitCode":"SYT-14",
                 "startDate":"2026-03-01","dueDate":"2030-06-30"}""".formatted(issuedPlan);
        List<String[]> requests = List.of(
                new String[] {"plan", "POST", "/api/v1/plans", """
                        {"code":"98/KH-NO-TOKEN","title":"Kế hoạch không có người lập","kind":"UNIT_PLAN",
                         "issuingUnitCode":"UBND-14","periodStart":"2026-01-01","periodEnd":"2026-12-31"}"""},
                new String[] {"plan", "POST", "/api/v1/plans/" + draftPlan + "/issue", "{\"issuedOn\":\"2026-01-20\"}"},
                new String[] {"plan", "POST", "/api/v1/units", """
                        {"code":"NO-TOKEN","kind":"AGENCY","nameVi":"Đơn vị","nameEn":"Unit","parentCode":"14",
                         "validFrom":"2021-01-01"}"""},
                new String[] {"plan", "POST", "/api/v1/allocations/" + allocation + "/disbursements",
                        "{\"disbursedAmount\":1000}"},
                new String[] {"plan", "GET", "/api/v1/plans/" + issuedPlan + "/allocations", null},
                new String[] {"task", "POST", "/api/v1/tasks", newTask},
                new String[] {"task", "POST", "/api/v1/tasks/" + task + "/progress",
                        "{\"percentComplete\":90,\"note\":\"Không có người báo cáo\"}"},
                new String[] {"task", "POST", "/api/v1/tasks/" + task + "/cancel", "{\"reason\":\"Không rõ ai\"}"},
                new String[] {"task", "GET", "/api/v1/tasks/" + task, null},
                new String[] {"report", "POST", "/api/v1/poverty/reviews/2024/publish", null},
                new String[] {"report", "POST", "/api/v1/alerts/checks", null},
                new String[] {"report", "GET", "/api/v1/poverty/reviews/2024/households/HH-FUZZ-1", null});
        Map<String, Api> anonymous = Map.of("plan", stack.anonymous(Service.PLAN), "task",
                stack.anonymous(Service.TASK), "report", stack.anonymous(Service.REPORT));
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] call = Hostile.oneOf(requests);
            String kind = Hostile.oneOf(List.copyOf(authorizations.keySet()));
            HttpRequest request = request(call[0], call[1], call[2], call[3], call[3] == null ? null
                    : "application/json");
            if (authorizations.get(kind) != null) {
                request = HttpRequest.newBuilder(request, (name, value) -> true)
                        .header("Authorization", authorizations.get(kind)).build();
            }
            probes.add(new Probe(call[0], request, kind + ": " + call[1] + " " + call[2], reply -> reply.status() == 401
                    && reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
                    anonymous.get(call[0])));
        }
        return probes;
    }

    @Test
    @Order(4)
    void hostile_requests_to_the_report_service_never_fail_and_store_nothing() {
        // given
        List<Probe> probes = new ArrayList<>();
        // (a raw ";x" would be a matrix parameter, which Spring strips before matching: /reviews/2024;x is 2024)
        List<String> years = List.of("abc", "-1", "0", "99999999999", "2024%3Bdrop", "%7B%22%24ne%22%3Anull%7D", "1e3",
                "2024.5", "%00", "..%2F..", "3000", "1899");
        for (int i = 0; i < 1_200; i++) {
            String year = Hostile.oneOf(years);
            String value = Hostile.encode(Hostile.chance(50) ? Hostile.oneOf(Hostile.INJECTIONS)
                    : Hostile.oneOf(Hostile.INVALID_DATES));
            Probe probe = switch (Hostile.between(0, 7)) {
                case 0 -> new Probe("report", request("report", "GET", "/api/v1/poverty/reviews/" + year, null, null),
                        "review " + year, notFoundOrRefused());
                case 1 -> new Probe("report", request("report", "GET", "/api/v1/poverty/reviews/2024/rates?by="
                        + value, null, null), "rates by " + value, noServerError());
                case 2 -> new Probe("report", request("report", "GET", "/api/v1/poverty/reviews/" + year + "/mpi?k="
                        + value + "&weights=" + value, null, null), "mpi " + year + " " + value, noServerError());
                case 3 -> new Probe("report", request("report", "GET", "/api/v1/poverty/movements?from=" + value
                        + "&to=" + year, null, null), "movements " + value, noServerError());
                case 4 -> new Probe("report", request("report", "GET", "/api/v1/poverty/indicator-actuals"
                        + "?indicatorCode=" + value + "&areaCode=" + value + "&year=" + year, null, null),
                        "indicator actuals " + value, reply -> reply.status() < 500 && (reply.status() != 200
                        || reply.json().isEmpty() || reply.json().path("total").asLong(0) == 0));
                case 5 -> new Probe("report", request("report", "POST", "/api/v1/poverty/reviews/" + year
                        + "/publish", null, null), "publish " + year, refused());
                case 6 -> new Probe("report", request("report", "POST", "/api/v1/poverty/reviews/" + year
                        + "/reopen", Hostile.invalidBody(Map.of("reason", "\"Sửa sai sót\""),
                        List.of(Field.text("reason", true, 2000))), "application/json"), "reopen " + year, refused());
                default -> new Probe("report", request("report", "POST", "/api/v1/poverty/reviews/" + year
                        + "/imports", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
                        + "householdCode\r\n--x--\r\n", "multipart/form-data; boundary=x"), "import into " + year,
                        refused());
            };
            probes.add(probe);
        }

        // when / then
        sendAll(probes);
        assertUnchanged();
    }

    @Test
    @Order(5)
    void nasty_but_valid_text_is_stored_and_published_exactly_as_sent() {
        // given
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            titles.add(Hostile.nastyText(500));
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            notes.add(Hostile.nastyText(4000) + " #" + i);
        }

        // when
        Ledger ledger = new Ledger();
        List<String> created = new ArrayList<>();
        for (String title : titles) {
            Api.Reply reply = stack.tasks.post("/api/v1/tasks", Hostile.body(new LinkedHashMap<>(Map.of(
                    "planId", Hostile.json(issuedPlan), "title", Hostile.json(title), "kind", "\"REPORTING\"",
                    "leadUnitCode", "\"SYT-14\"", "startDate", "\"2026-03-01\"", "dueDate", "\"2030-06-30\""))));
            sent.incrementAndGet();
            assertThat(reply.status()).as("create a task titled %s: %s", Hostile.json(title), reply).isEqualTo(201);
            assertThat(reply.text("title")).isEqualTo(title);
            created.add(reply.text("id"));
            ledger.acknowledged.add(new Ledger.Write(reply.text("id"), reply.version(), title));
        }
        for (String note : notes) {
            Api.Reply reply = stack.tasks.post("/api/v1/tasks/" + task + "/progress",
                    "{\"percentComplete\":10,\"note\":" + Hostile.json(note) + "}");
            sent.incrementAndGet();
            assertThat(reply.status()).as("report %s: %s", Hostile.json(note), reply).isEqualTo(200);
            ledger.acknowledged.add(new Ledger.Write(task, reply.version(), note));
        }

        // then: stored as sent (notes are trimmed by design), published as sent, and nothing else changed
        for (int i = 0; i < created.size(); i++) {
            Document stored = stack.db(Service.TASK).getCollection("tasks").find(new Document("_id", created.get(i)))
                    .first();
            assertThat(stored.get("state", Document.class).getString("title")).isEqualTo(titles.get(i));
        }
        List<Document> reports = Invariants.storedProgressReports(stack,
                stack.db(Service.TASK).getCollection("tasks").find(new Document("_id", task)).first());
        assertThat(reports.stream().map(r -> r.getString("note")).toList())
                .containsExactlyElementsOf(notes.stream().map(String::trim).toList());
        Settled settled = Settled.check(stack, java.util.Set.of());
        for (int i = 0; i < created.size(); i++) {
            assertThat(settled.taskEvents().at(created.get(i), 1).text("title")).isEqualTo(titles.get(i));
        }
        assertThat(settled.taskEvents().distinctEvents()).isEqualTo(taskEventsBefore + created.size() + notes.size());
        assertThat(settled.planEvents().records()).isEqualTo(planEventsBefore);
        settled.print("S7 hostile input", sent.get() + " requests (5000 invalid bodies on 12 write endpoints, 3500 "
                        + "hostile list queries, 1000 hostile paths/headers/content types, " + UNAUTHENTICATED
                        + " requests without a valid token, 1200 report-service probes, "
                        + "600 nasty-but-valid writes)", "hostile input", ledger, 0,
                "5xx=0, invalid accepted=0, stored changes = the " + (created.size() + notes.size())
                        + " valid writes only");
    }

    private record Endpoint(String service, String method, String path, Map<String, String> valid,
                            List<Field> fields) {
    }

    private record ListEndpoint(String service, String path, List<String> textFilters, List<String> typedFilters) {
    }

    private List<Endpoint> writeEndpoints() {
        Map<String, String> unit = new LinkedHashMap<>(Map.of("code", "\"FUZZ-NEW\"", "kind", "\"AGENCY\"", "nameVi",
                "\"Đơn vị\"", "nameEn", "\"Unit\"", "parentCode", "\"14\"", "validFrom", "\"2021-01-01\""));
        List<Field> unitFields = List.of(Field.code("code", false), Field.enumeration("kind", true),
                Field.text("nameVi", true, 300), Field.text("nameEn", true, 300), Field.code("parentCode", false),
                Field.date("validFrom", true), Field.date("validTo", false),
                new Field("successorCodes", Field.Kind.LIST, false, 0));
        Map<String, String> plan = new LinkedHashMap<>(Map.of("code", "\"99/KH-FUZZ\"", "title", "\"Kế hoạch\"",
                "kind", "\"UNIT_PLAN\"", "issuingUnitCode", "\"UBND-14\"", "periodStart", "\"2026-01-01\"",
                "periodEnd", "\"2026-12-31\""));
        List<Field> planFields = List.of(Field.text("code", true, 64), Field.text("title", true, 500),
                Field.enumeration("kind", true), Field.code("issuingUnitCode", true), Field.date("periodStart", true),
                Field.date("periodEnd", true), Field.enumeration("program", false));
        Map<String, String> newTask = new LinkedHashMap<>(Map.of("planId", Hostile.json(issuedPlan), "title",
                "\"Nhiệm vụ\"", "kind", "\"REPORTING\"", "leadUnitCode", "\"SYT-14\"", "startDate", "\"2026-03-01\"",
                "dueDate", "\"2030-06-30\""));
        List<Field> taskFields = List.of(Field.text("planId", true, 64), Field.text("title", true, 500),
                Field.enumeration("kind", true), Field.enumeration("priority", false), Field.code("leadUnitCode", true),
                new Field("coordinatingUnitCodes", Field.Kind.LIST, false, 0), Field.date("startDate", true),
                Field.date("dueDate", true), Field.text("description", false, 4000));
        Map<String, String> allocationBody = new LinkedHashMap<>(Map.of("unitCode", "\"SYT-14\"", "source",
                "\"LOCAL_BUDGET\"", "year", "2027", "allocatedAmount", "5000000"));
        List<Field> allocationFields = List.of(Field.code("unitCode", true), Field.enumeration("source", true),
                Field.enumeration("program", false), Field.number("year", true),
                Field.number("allocatedAmount", true), Field.number("disbursedAmount", false),
                Field.text("note", false, 1000));
        Map<String, String> reason = Map.of("reason", "\"Lý do\"");
        List<Field> reasonFields = List.of(Field.text("reason", true, 2000));
        return List.of(
                new Endpoint("plan", "POST", "/api/v1/units", unit, unitFields),
                new Endpoint("plan", "PUT", "/api/v1/units/FUZZ-UNIT", unit, unitFields),
                new Endpoint("plan", "POST", "/api/v1/plans", plan, planFields),
                new Endpoint("plan", "POST", "/api/v1/plans/" + draftPlan + "/objectives",
                        Map.of("code", "\"MT-1\"", "nameVi", "\"Mục tiêu\""), List.of(Field.code("code", false),
                        Field.text("nameVi", true, 500), Field.text("nameEn", false, 500))),
                new Endpoint("plan", "POST", "/api/v1/plans/" + draftPlan + "/issue",
                        Map.of("issuedOn", "\"2026-01-20\""), List.of(Field.date("issuedOn", false))),
                new Endpoint("plan", "POST", "/api/v1/plans/" + issuedPlan + "/allocations", allocationBody,
                        allocationFields),
                new Endpoint("plan", "POST", "/api/v1/allocations/" + allocation + "/disbursements",
                        Map.of("disbursedAmount", "1000"), List.of(Field.number("disbursedAmount", true))),
                new Endpoint("task", "POST", "/api/v1/tasks", newTask, taskFields),
                new Endpoint("task", "POST", "/api/v1/tasks/" + task + "/progress",
                        Map.of("percentComplete", "20", "note", "\"Tiến độ\""), List.of(Field.percent("percentComplete"),
                        Field.text("note", true, 4000), new Field("evidenceLinks", Field.Kind.LIST, false, 0),
                        Field.text("correctionReason", false, 2000))),
                new Endpoint("task", "POST", "/api/v1/tasks/" + task + "/extend", Map.of("newDueDate",
                        "\"2031-01-31\"", "reason", "\"Lý do\"", "requestedBy", "\"SYT-14\""), List.of(
                        Field.date("newDueDate", true), Field.text("reason", true, 2000),
                        Field.text("requestedBy", true, 200))),
                new Endpoint("task", "POST", "/api/v1/tasks/" + task + "/block", reason, reasonFields),
                new Endpoint("task", "POST", "/api/v1/tasks/" + task + "/cancel", reason, reasonFields));
    }

    private List<ListEndpoint> listEndpoints() {
        return List.of(
                new ListEndpoint("plan", "/api/v1/plans", List.of("code", "issuingUnitCode", "parentPlanId", "q"),
                        List.of("status", "kind", "program", "year", "from", "to")),
                new ListEndpoint("plan", "/api/v1/units", List.of("parentCode", "q"), List.of("kind", "validOn")),
                new ListEndpoint("plan", "/api/v1/plans/" + issuedPlan + "/allocations", List.of("objectiveCode",
                        "unitCode"), List.of("source", "program", "year", "status")),
                new ListEndpoint("task", "/api/v1/tasks", List.of("planId", "objectiveId", "unitCode"),
                        List.of("status", "kind", "role", "overdue", "dueBefore", "dueAfter")));
    }

    /**
     * The service as the province administrator: hostile input comes with a valid token, so that it reaches the
     * validation it is meant to test rather than stopping at the door.
     */
    private Api api(String service) {
        return switch (service) {
            case "plan" -> stack.plans;
            case "task" -> stack.tasks;
            default -> stack.reports;
        };
    }

    private HttpRequest request(String service, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api(service).baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** Sends the probes from a few clients and fails with every probe whose answer was not acceptable. */
    private void sendAll(List<Probe> probes) {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Probe probe : probes) {
                running.add(clients.submit(() -> {
                    Api.Reply reply = (probe.via() != null ? probe.via() : api(probe.service()))
                            .exchange(probe.request());
                    sent.incrementAndGet();
                    statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (!probe.acceptable().test(reply)) {
                        failures.add(probe.description() + " -> " + reply);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            clients.shutdown();
        }
        System.out.println("FAULT-SUITE S7 " + probes.size() + " probes, answers by status " + new java.util.TreeMap<>(
                statuses));
        assertThat(failures).as("unacceptable answers (%d of %d)", failures.size(), probes.size())
                .isEmpty();
    }

    private static Predicate<Api.Reply> refused() {
        return reply -> reply.status() >= 400 && reply.status() < 500;
    }

    private static Predicate<Api.Reply> notFoundOrRefused() {
        return refused();
    }

    private static Predicate<Api.Reply> noServerError() {
        return reply -> reply.status() < 500;
    }

    /** Every document of every collection of the three databases, as JSON, by collection and id. */
    private Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (Service service : Service.values()) {
            for (String name : stack.db(service).listCollectionNames()) {
                Map<String, String> documents = new HashMap<>();
                for (Document document : stack.db(service).getCollection(name).find()) {
                    document.remove("lease");
                    documents.put(String.valueOf(document.get("_id")), document.toJson());
                }
                all.put(service.databaseName() + "." + name, documents);
            }
        }
        return all;
    }

    private void assertUnchanged() {
        Map<String, Map<String, String>> now = snapshot();
        assertThat(now.keySet()).as("collections").isEqualTo(before.keySet());
        for (String collection : before.keySet()) {
            assertThat(now.get(collection)).as("documents of %s", collection).isEqualTo(before.get(collection));
        }
        assertThat(stack.readAll("plan.events")).hasSize(planEventsBefore);
        assertThat(stack.readAll("task.events")).hasSize(taskEventsBefore);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}
