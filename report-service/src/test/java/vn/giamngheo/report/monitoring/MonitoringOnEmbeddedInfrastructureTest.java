package vn.giamngheo.report.monitoring;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class MonitoringOnEmbeddedInfrastructureTest extends MonitoringScenarios {
}
