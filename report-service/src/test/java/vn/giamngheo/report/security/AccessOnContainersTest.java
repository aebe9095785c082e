package vn.giamngheo.report.security;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.giamngheo.support.testing.RealInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
@ImportTestcontainers(RealInfrastructure.class)
class AccessOnContainersTest extends AccessScenarios {
}
