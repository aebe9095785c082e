package vn.giamngheo.report.submission;

import vn.giamngheo.support.testing.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class SubmissionOnEmbeddedInfrastructureTest extends SubmissionScenarios {
}
