package vn.giamngheo.task;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Owns tasks: who leads, who coordinates, the schedule and the progress. */
@SpringBootApplication
@EnableScheduling
public class TaskServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskServiceApplication.class, args);
    }

    /**
     * "Today" is the province's calendar day: due dates are days in Vietnam, and at 06:00 in Sơn La it is still the
     * previous day in UTC. Instants (occurredAt) are zone-free either way.
     */
    @Bean
    Clock clock(@Value("${giamngheo.task.zone}") ZoneId zone) {
        return Clock.system(zone);
    }
}
