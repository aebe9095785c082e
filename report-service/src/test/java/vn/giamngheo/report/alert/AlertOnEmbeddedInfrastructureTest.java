package vn.giamngheo.report.alert;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class AlertOnEmbeddedInfrastructureTest extends AlertScenarios {
}
