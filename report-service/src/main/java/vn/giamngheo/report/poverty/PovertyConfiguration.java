package vn.giamngheo.report.poverty;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.PovertyStandards;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;
import vn.giamngheo.report.poverty.reference.ReferenceData;

/** The poverty review's reference data, loaded once from the shipped JSON resources. */
@Configuration
@EnableConfigurationProperties(PovertyProperties.class)
public class PovertyConfiguration {

    @Bean
    ReferenceData povertyReferenceData() {
        return ReferenceData.load();
    }

    @Bean
    PovertyStandards povertyStandards(ReferenceData data) {
        return data.standards();
    }

    @Bean
    UnitCrosswalk unitCrosswalk(ReferenceData data) {
        return data.units();
    }

    @Bean
    EthnicGroups ethnicGroups(ReferenceData data) {
        return data.ethnicGroups();
    }
}
