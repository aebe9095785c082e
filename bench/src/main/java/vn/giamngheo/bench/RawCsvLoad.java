package vn.giamngheo.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;

/**
 * Row 4, baseline — the storage limit: parses the CSV and bulk-inserts the raw rows (every column as text) into the
 * same MongoDB server, unordered batches of the importer's size. Nothing validated, classified or aggregated. Runs as
 * its own process with the services' JVM options so its peak memory compares with the report-service's; prints
 * {@code rows=N seconds=S}.
 *
 * <p>Usage: {@code RawCsvLoad <file.csv> <mongodb-uri> <database> <collection> <batch-size>}
 */
public final class RawCsvLoad {

    private RawCsvLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: RawCsvLoad <file.csv> <mongodb-uri> <database> <collection> <batch-size>");
            System.exit(2);
        }
        int batchSize = Integer.parseInt(args[4]);
        try (MongoClient client = MongoClients.create(args[1])) {
            MongoCollection<Document> rows = client.getDatabase(args[2]).getCollection(args[3]);
            InsertManyOptions unordered = new InsertManyOptions().ordered(false);
            long began = System.nanoTime();
            long count = 0;
            try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                         .parse(reader)) {
                List<String> header = parser.getHeaderNames();
                List<Document> batch = new ArrayList<>(batchSize);
                for (CSVRecord record : parser) {
                    Document row = new Document();
                    for (int i = 0; i < header.size(); i++) {
                        row.append(header.get(i), record.get(i));
                    }
                    batch.add(row);
                    if (batch.size() == batchSize) {
                        rows.insertMany(batch, unordered);
                        count += batch.size();
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    rows.insertMany(batch, unordered);
                    count += batch.size();
                }
            }
            System.out.printf(Locale.ROOT, "rows=%d seconds=%.3f%n", count, (System.nanoTime() - began) / 1e9);
        }
    }
}
