package vn.giamngheo.report;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.giamngheo.report.calendar.ProvinceCalendar;

/** The monitoring settings and the province's calendar; scheduling runs the alert check. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ReportSettings.class)
class ReportConfiguration {

    @Bean
    ProvinceCalendar provinceCalendar(Clock clock, ReportSettings settings) {
        return new ProvinceCalendar(clock, settings.zone());
    }
}
