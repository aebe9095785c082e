package vn.giamngheo.report.poverty.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.domain.PovertyStandards;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;

/**
 * The poverty review's reference data, shipped as JSON resources: the standards ({@code poverty/standards/*.json}),
 * the unit crosswalk and the ethnic groups. Read strictly (an unknown field is an error), because a typo in a
 * standard would silently change who is poor.
 */
public record ReferenceData(PovertyStandards standards, UnitCrosswalk units, EthnicGroups ethnicGroups) {

    public static final String STANDARDS = "classpath*:poverty/standards/*.json";
    public static final String CROSSWALK = "poverty/units/son-la-sample-crosswalk.json";
    public static final String ETHNIC_GROUPS = "poverty/ethnic-groups.json";

    private record EthnicGroupsFile(String description, String kinh, List<EthnicGroups.Group> groups) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public static ReferenceData load() {
        try {
            List<PovertyStandard> standards = new ArrayList<>();
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(STANDARDS);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    standards.add(MAPPER.readValue(in, PovertyStandard.class));
                }
            }
            if (standards.isEmpty()) {
                throw new IllegalStateException("No poverty standard found at " + STANDARDS);
            }
            UnitCrosswalk units = read(CROSSWALK, UnitCrosswalk.class);
            EthnicGroupsFile groups = read(ETHNIC_GROUPS, EthnicGroupsFile.class);
            return new ReferenceData(new PovertyStandards(standards), units,
                    new EthnicGroups(groups.kinh(), groups.groups()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String resource, Class<T> type) throws IOException {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return MAPPER.readValue(in, type);
        }
    }
}
