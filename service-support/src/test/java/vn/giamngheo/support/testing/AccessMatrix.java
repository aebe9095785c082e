package vn.giamngheo.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Who may call which endpoint, as a table, run against a running service: every row is one endpoint, every column
 * one kind of caller, {@code A} (allowed: anything but 401/403, and never a 5xx) or {@code D} (denied: 401 for the
 * public, 403 for everyone else, as a problem, and nothing stored changes). The same table runs in a service's
 * component tests (tokens from the {@link TestIssuer}) and in the system tests (real tokens from the local issuer).
 *
 * <p>File format (UTF-8, one row per line, {@code #} comments, cells separated by {@code |}):
 * <pre>METHOD | path | JSON body or - | ADMIN | OFFICER_OWN | OFFICER_OTHER | VIEWER | ANONYMOUS | MACHINE</pre>
 * {@code ${name}} in a path or body is replaced by the environment's fixture of that name (ids of aggregates it
 * created). OFFICER_OWN is an officer of the unit the fixtures are about, OFFICER_OTHER an officer of another unit,
 * MACHINE a department's system with the scopes {@code api.read} and {@code poverty.import}. Rows run top to bottom,
 * the callers of a row in the order DENIED first, then ANONYMOUS … ADMIN, so an allowed write happens after the
 * refusals were checked against the unchanged state.
 */
public final class AccessMatrix {

    public enum Who { ADMIN, OFFICER_OWN, OFFICER_OTHER, VIEWER, ANONYMOUS, MACHINE }

    /** One endpoint and whether each caller may call it. */
    public record Row(int line, String method, String path, String body, Map<Who, Boolean> allowed) {

        /** The endpoint as OpenAPI names it: path variables as {@code {}}, no query. */
        public String endpoint() {
            String template = path.replaceAll("\\?.*$", "").replaceAll("\\$\\{[^}]+}|\\{[^}]+}", "{}");
            return method + " " + template;
        }
    }

    private static final Pattern FIXTURE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final List<Who> RUN_ORDER = List.of(Who.ANONYMOUS, Who.VIEWER, Who.MACHINE, Who.OFFICER_OTHER,
            Who.OFFICER_OWN, Who.ADMIN);

    private final String name;
    private final List<Row> rows;

    private AccessMatrix(String name, List<Row> rows) {
        this.name = name;
        this.rows = rows;
    }

    public static AccessMatrix load(String resource) {
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "no access matrix " + resource + " on the class path");
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A matrix file read from disk: the system tests run each service's own file (kept in its test resources, not on
     * their class path) against the whole stack.
     */
    public static AccessMatrix read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A matrix from its text; {@code name} says where it came from in messages. */
    public static AccessMatrix parse(String name, String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*\\|\\s*", -1);
            if (cells.length != 3 + Who.values().length) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected " + (3 + Who.values().length)
                        + " cells, found " + cells.length);
            }
            Map<Who, Boolean> allowed = new LinkedHashMap<>();
            for (Who who : Who.values()) {
                String cell = cells[3 + who.ordinal()];
                if (!cell.equals("A") && !cell.equals("D")) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + who + " must be A or D");
                }
                allowed.put(who, cell.equals("A"));
            }
            rows.add(new Row(i + 1, cells[0], cells[1], cells[2].equals("-") ? null : cells[2], allowed));
        }
        return new AccessMatrix(name, rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Every operation of the service's OpenAPI document has a row: a new endpoint cannot slip in unruled. */
    public void assertCoversEveryEndpointOf(JsonNode openApi) {
        Set<String> documented = new TreeSet<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase();
            if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                documented.add(method + " " + path.getKey().replaceAll("\\{[^}]+}", "{}"));
            }
        }));
        Set<String> covered = new TreeSet<>();
        rows.forEach(row -> covered.add(row.endpoint()));
        assertThat(covered).as("endpoints in %s", name).containsAll(documented);
    }

    /**
     * Runs every row as every caller; collects all mismatches before failing, so one run shows the whole picture.
     *
     * @param callers     an API client per caller, each sending that caller's token (none for ANONYMOUS)
     * @param fixtures    values for the {@code ${name}} placeholders
     * @param fingerprint what the service has stored, compared before and after every refused write
     */
    public void run(Map<Who, HttpApi> callers, Map<String, String> fixtures, Supplier<Object> fingerprint) {
        List<String> mismatches = new ArrayList<>();
        int requests = 0;
        for (Row row : rows) {
            String path = substitute(row.path(), fixtures, row);
            String body = row.body() == null ? null : substitute(row.body(), fixtures, row);
            List<Who> order = new ArrayList<>();
            RUN_ORDER.stream().filter(who -> !row.allowed().get(who)).forEach(order::add);
            RUN_ORDER.stream().filter(who -> row.allowed().get(who)).forEach(order::add);
            for (Who who : order) {
                boolean write = !row.method().equals("GET");
                Object before = write && !row.allowed().get(who) ? fingerprint.get() : null;
                HttpApi.Response response = callers.get(who).request(row.method(), path, body, null);
                requests++;
                String where = name + ":" + row.line() + " " + row.method() + " " + path + " as " + who + " → "
                        + response.status();
                if (row.allowed().get(who)) {
                    if (response.status() == 401 || response.status() == 403 || response.status() >= 500) {
                        mismatches.add(where + " but it should be allowed"
                                + (response.body() == null ? "" : ": " + response.body()));
                    }
                } else {
                    int expected = who == Who.ANONYMOUS ? 401 : 403;
                    if (response.status() != expected) {
                        mismatches.add(where + " but it should be refused with " + expected);
                    } else if (response.contentType() == null
                            || !response.contentType().startsWith("application/problem+json")) {
                        mismatches.add(where + " without a problem body");
                    } else if (write && !Objects.equals(before, fingerprint.get())) {
                        mismatches.add(where + " refused, but what is stored changed");
                    }
                }
            }
        }
        assertThat(requests).as("requests made from %s", name).isGreaterThan(0);
        assertThat(mismatches).as("access rules of %s (%d requests)", name, requests).isEmpty();
    }

    private String substitute(String text, Map<String, String> fixtures, Row row) {
        Matcher matcher = FIXTURE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = fixtures.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + ":" + row.line() + ": no fixture " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
