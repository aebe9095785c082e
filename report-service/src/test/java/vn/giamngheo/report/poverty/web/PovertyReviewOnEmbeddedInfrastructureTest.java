package vn.giamngheo.report.poverty.web;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class PovertyReviewOnEmbeddedInfrastructureTest extends PovertyReviewScenarios {
}
