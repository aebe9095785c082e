package vn.giamngheo.report.poverty;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code giamngheo.poverty.*}.
 *
 * @param provinceCode  the province whose reviews this service keeps [14, Sơn La]
 * @param batchSize     households written per bulk write during an import [1000]
 * @param importThreads imports that run at the same time; more wait in line [1]
 * @param uploadDir     where uploaded files wait for their import [the system temp directory]
 */
@ConfigurationProperties("giamngheo.poverty")
public record PovertyProperties(String provinceCode, Integer batchSize, Integer importThreads, Path uploadDir) {

    public PovertyProperties {
        provinceCode = provinceCode == null ? "14" : provinceCode;
        batchSize = batchSize == null ? 1000 : batchSize;
        importThreads = importThreads == null ? 1 : importThreads;
        uploadDir = uploadDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : uploadDir;
    }
}
