package vn.giamngheo.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.localstack.Service;

/**
 * Row 4: a province-size yearly review. Ours: upload the CSV of N households to the report-service, which imports
 * (streams, validates, stores), and publish the review, which classifies every household by the year's standard and
 * aggregates the rates of the province, every former district and every commune — the whole review, timed from the
 * upload's first byte to the publication's answer. Baseline: parse the same CSV and bulk-insert the raw rows into the
 * same MongoDB server. Peak resident memory of the report-service process during ours, and of the baseline's process.
 * Each repetition is another review year with its own file, so every import is a first import, and starts from an
 * empty households collection (see {@link #startAfresh}).
 */
final class PovertyReview {

    /** The report-service's collection of household records (HouseholdStore.COLLECTION). */
    static final String HOUSEHOLDS = "poverty_households";

    /** Review years of Decree 07/2021 on the former communes: one per repetition. */
    private static final int FIRST_YEAR = 2022;
    private static final List<String> ETHNIC_GROUPS = List.of("Thái", "Thái", "Thái", "Mông", "Mông", "Kinh", "Kinh",
            "Mường", "Dao", "Khơ Mú", "Xinh Mun", "Kháng", "La Ha", "Lào", "Tày");

    /** @param failures the reviews that did not finish, with why */
    record Result(Sample ours, Sample baseline, Sample oursPeakMib, Sample baselinePeakMib, Sample mongoPeakMib,
                  Sample importSeconds, Sample publishSeconds, int households, List<String> failures) {
    }

    private final Api admin;
    private final Api importer;
    private final String reportUrl;
    private final long reportPid;
    private final long mongoPid;
    private final String mongoUri;
    private final Path workDir;
    private final BenchOptions options;
    private final Consumer<String> log;

    /**
     * @param admin    publishes the review
     * @param importer the department's system: uploads the households and follows the import, as it would
     */
    PovertyReview(Api admin, Api importer, String reportUrl, long reportPid, long mongoPid, String mongoUri,
                  Path workDir, BenchOptions options, Consumer<String> log) {
        this.admin = admin;
        this.importer = importer;
        this.reportUrl = reportUrl;
        this.reportPid = reportPid;
        this.mongoPid = mongoPid;
        this.mongoUri = mongoUri;
        this.workDir = workDir;
        this.options = options;
        this.log = log;
    }

    Result run() throws Exception {
        int households = options.households();
        Sample ours = new Sample();
        Sample baseline = new Sample();
        Sample oursPeak = new Sample();
        Sample baselinePeak = new Sample();
        Sample mongoPeak = new Sample();
        Sample importSeconds = new Sample();
        Sample publishSeconds = new Sample();
        List<String> failures = new ArrayList<>();
        for (int rep = 1; rep <= options.reps(); rep++) {
            int year = FIRST_YEAR + rep - 1;
            Path csv = generate(year, households);
            try {
                double[] base = null;
                double[] mine;
                if (rep % 2 == 1) {
                    base = baseline(csv, rep);
                }
                mine = ours(csv, year, households);
                if (base == null) {
                    base = baseline(csv, rep);
                }
                log.accept(String.format(Locale.ROOT, "  poverty review %d (%,d households, %,d bytes): upload + "
                        + "import %.1f s + publish %.1f s = %.1f s, peak RSS report-service %.0f MiB, MongoDB-wire "
                        + "server %.0f MiB | raw parse + bulk insert %.1f s, peak RSS %.0f MiB", year, households,
                        Files.size(csv), mine[3], mine[4], mine[0], mine[1], mine[2], base[0], base[1]));
                ours.add(mine[0]);
                oursPeak.add(mine[1]);
                mongoPeak.add(mine[2]);
                importSeconds.add(mine[3]);
                publishSeconds.add(mine[4]);
                baseline.add(base[0]);
                baselinePeak.add(base[1]);
            } catch (RuntimeException e) {
                // One review that does not finish (e.g. a publication that outlasts the request's 10 minutes) is a
                // finding of this row, not a reason to throw away the rows measured so far.
                failures.add(year + ": " + e.getMessage());
                log.accept("  poverty review " + year + " FAILED: " + e);
            } finally {
                Files.deleteIfExists(csv);
                startAfresh(rep);
            }
        }
        return new Result(ours, baseline, oursPeak, baselinePeak, mongoPeak, importSeconds, publishSeconds,
                households, failures);
    }

    /**
     * Empties the households collection (and the raw load's), so that every repetition imports into and publishes
     * from the same state as the first: the MongoDB-wire server scans a whole collection for a review's households
     * (it uses no secondary index), so the reviews of earlier repetitions would make each later one slower while the
     * baseline's fresh collection would not — repetitions that are not repetitions. The collection is dropped and
     * created again with the indexes it had, which the report-service made; that takes a moment where deleting
     * 400,000 documents would take minutes.
     */
    private void startAfresh(int rep) {
        long began = System.nanoTime();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> stored = client.getDatabase(Service.REPORT.databaseName())
                    .getCollection(HOUSEHOLDS);
            List<Document> indexes = new ArrayList<>();
            stored.listIndexes().forEach(index -> {
                if (!"_id_".equals(index.getString("name"))) {
                    indexes.add(index);
                }
            });
            stored.drop();
            for (Document index : indexes) {
                IndexOptions options = new IndexOptions().name(index.getString("name"))
                        .unique(index.getBoolean("unique", false));
                stored.createIndex(index.get("key", Document.class), options);
            }
            client.getDatabase("bench_raw").getCollection("households_" + rep).drop();
        }
        log.accept(String.format(Locale.ROOT, "  (households emptied for the next repetition in %.1f s)",
                (System.nanoTime() - began) / 1e9));
    }

    /**
     * {seconds, peak RSS of the report-service MiB, peak RSS of the MongoDB-wire server MiB, seconds to the import's
     * end, seconds of the publication} of upload → import completed → published.
     */
    private double[] ours(Path csv, int year, int households) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(reportUrl + "/api/v1/poverty/reviews/" + year
                        + "/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                                + "name=\"file\"; filename=\"" + csv.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n",
                                StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(csv),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8)));
        try (Processes.RssSampler memory = new Processes.RssSampler(reportPid);
             Processes.RssSampler mongoMemory = new Processes.RssSampler(mongoPid)) {
            long began = System.nanoTime();
            Api.Reply accepted = importer.send(upload);
            SuiteClient.require(accepted, 202, "upload the households of " + year);
            String importId = accepted.text("id");
            JsonNode[] status = new JsonNode[1];
            awaitImport(importId, status);
            if (!"COMPLETED".equals(status[0].get("state").asString()) || status[0].get("rejected").asLong() != 0
                    || status[0].get("inserted").asLong() != households) {
                throw new IllegalStateException("the import of " + year + " did not take every household: "
                        + status[0]);
            }
            long imported = System.nanoTime();
            Api.Reply published = admin.post(reportUrl + "/api/v1/poverty/reviews/" + year + "/publish", "{}");
            SuiteClient.require(published, 200, "publish the review of " + year);
            long done = System.nanoTime();
            return new double[] {(done - began) / 1e9, Processes.mib(memory.peakBytes()),
                    Processes.mib(mongoMemory.peakBytes()), (imported - began) / 1e9, (done - imported) / 1e9};
        }
    }

    private void awaitImport(String importId, JsonNode[] status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            Api.Reply reply = importer.get(reportUrl + "/api/v1/poverty/imports/" + importId);
            status[0] = reply.body();
            String state = reply.text("state");
            if ("COMPLETED".equals(state) || "FAILED".equals(state)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("import " + importId + " did not finish within 30 minutes: " + status[0]);
    }

    /** {seconds, peak RSS MiB} of the raw load in its own process. */
    private double[] baseline(Path csv, int rep) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BaselineApp.SERVICE_JVM_OPTIONS);
        command.addAll(List.of("-cp", Processes.benchClasspath(), RawCsvLoad.class.getName(), csv.toString(),
                mongoUri, "bench_raw", "households_" + rep, "1000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (Processes.RssSampler memory = new Processes.RssSampler(process.pid());
             BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                     StandardCharsets.UTF_8))) {
            StringBuilder all = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("rows=")) {
                    double[] result = parse(line, memory.peakBytes());
                    process.waitFor(60, TimeUnit.SECONDS);
                    return result;
                }
            }
            process.waitFor(60, TimeUnit.SECONDS);
            throw new IllegalStateException("the raw CSV load failed (exit " + process.exitValue() + "):\n" + all);
        } finally {
            process.destroyForcibly();
        }
    }

    private static double[] parse(String line, long peakBytes) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String part : line.trim().split(" ")) {
            String[] kv = part.split("=");
            fields.put(kv[0], kv[1]);
        }
        return new double[] {Double.parseDouble(fields.get("seconds")), Processes.mib(peakBytes)};
    }

    /**
     * A CSV in the upload format of the year — the columns are the report-service's own template, the communes its
     * crosswalk's former communes —, with plausible households: incomes spread around the poverty line, deprivations
     * more common below it. Deterministic per year.
     */
    Path generate(int year, int households) throws IOException {
        List<String> columns = templateColumns(year);
        List<String[]> communes = communes();
        Path file = workDir.resolve("ho-" + year + "-" + households + ".csv");
        Random random = new Random(year);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", columns));
            out.write('\n');
            String[] cells = new String[columns.size()];
            for (int i = 0; i < households; i++) {
                String[] commune = communes.get(random.nextInt(communes.size()));
                boolean urban = "URBAN".equals(commune[1]);
                long line = urban ? 2_000_000 : 1_500_000;
                double z = random.nextGaussian();
                long income = Math.max(150_000, Math.round(line * Math.exp(0.45 * z + 0.35) / 10_000.0) * 10_000);
                double deprivation = income <= line ? 0.35 : 0.12;
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = switch (columns.get(c).toLowerCase(Locale.ROOT)) {
                        case "householdcode" -> String.format(Locale.ROOT, "HB%d%07d", year, i);
                        case "communecode" -> commune[0];
                        case "areatype" -> commune[1];
                        case "ethnicgroup" -> ETHNIC_GROUPS.get(random.nextInt(ETHNIC_GROUPS.size()));
                        case "members" -> Integer.toString(1 + random.nextInt(7));
                        case "monthlyincomepercapita" -> Long.toString(income);
                        case "dependantcount", "flooraream2" -> "";
                        default -> random.nextDouble() < deprivation ? "1" : "0";
                    };
                }
                out.write(String.join(",", cells));
                out.write('\n');
            }
        }
        return file;
    }

    private List<String> templateColumns(int year) {
        try {
            HttpRequest request = importer.authorized(HttpRequest.newBuilder(URI.create(reportUrl
                    + "/api/v1/poverty/reviews/" + year + "/template.csv"))).GET().build();
            HttpResponse<String> response = importer.client().send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Could not read the CSV template of " + year + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            String header = response.body().lines().findFirst().orElseThrow().replace("\uFEFF", "");
            return Arrays.stream(header.split("[,;]")).map(String::trim).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {code, areaType} of every former commune the report-service's crosswalk knows. */
    private List<String[]> communes() {
        Api.Reply units = importer.get(reportUrl + "/api/v1/poverty/units");
        SuiteClient.require(units, 200, "read the report-service's units");
        List<String[]> found = new ArrayList<>();
        JsonNode former = units.body().get("formerCommunes");
        if (former == null) {
            throw new IllegalStateException("no formerCommunes in /api/v1/poverty/units: " + units.body());
        }
        for (JsonNode commune : former) {
            found.add(new String[] {commune.get("code").asString(), commune.path("areaType").asString("RURAL")});
        }
        return found;
    }
}
