package vn.giamngheo.report.security;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class AccessOnEmbeddedInfrastructureTest extends AccessScenarios {
}
