package vn.giamngheo.report.feedback;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class FeedbackOnEmbeddedInfrastructureTest extends FeedbackScenarios {
}
