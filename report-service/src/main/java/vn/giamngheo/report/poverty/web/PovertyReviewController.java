package vn.giamngheo.report.poverty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.report.poverty.PovertyProperties;
import vn.giamngheo.report.poverty.domain.AreaKind;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.PovertyReview;
import vn.giamngheo.report.poverty.domain.ReviewStatus;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;
import vn.giamngheo.report.poverty.household.HouseholdStore;
import vn.giamngheo.report.poverty.review.ReviewCommands;
import vn.giamngheo.report.poverty.review.ReviewQueries;
import vn.giamngheo.report.poverty.review.ReviewStore;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.security.CurrentCaller;
import vn.giamngheo.support.web.IfMatch;

@RestController
@RequestMapping("/api/v1/poverty/reviews")
@Tag(name = "Poverty reviews", description = "Rà soát hộ nghèo, hộ cận nghèo hằng năm: publication, rates, "
        + "Alkire–Foster MPI, household lookup, XLSX export")
public class PovertyReviewController {

    private final ReviewCommands commands;
    private final ReviewQueries queries;
    private final ReviewStore reviews;
    private final HouseholdStore households;
    private final UnitCrosswalk units;
    private final EthnicGroups ethnicGroups;
    private final String provinceCode;
    private final CurrentCaller caller;

    public PovertyReviewController(ReviewCommands commands, ReviewQueries queries, ReviewStore reviews,
                                   HouseholdStore households, UnitCrosswalk units, EthnicGroups ethnicGroups,
                                   PovertyProperties properties, CurrentCaller caller) {
        this.commands = commands;
        this.queries = queries;
        this.reviews = reviews;
        this.households = households;
        this.units = units;
        this.ethnicGroups = ethnicGroups;
        this.provinceCode = properties.provinceCode();
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "The province's reviews, oldest first. Public: without a token only published reviews are "
            + "listed (an open review's figures are provisional, for signed-in readers)")
    public List<ReviewResponse> list() {
        boolean publicCaller = caller.get().kind() == Actor.Kind.PUBLIC;
        return reviews.all(provinceCode).stream()
                .filter(r -> !publicCaller || r.state().status() == ReviewStatus.PUBLISHED)
                .map(this::response).toList();
    }

    @GetMapping("/{year}")
    @Operation(summary = "One review; its ETag is its version. Public once published; while open, readers only "
            + "(401 without a token)")
    public ResponseEntity<ReviewResponse> get(@PathVariable @Min(2000) @Max(2100) int year) {
        return respond(queries.review(year));
    }

    @GetMapping("/{year}/audit")
    @Operation(summary = "Who opened, published and reopened the review, and when (readers)")
    public List<AuditEntry> audit(@PathVariable @Min(2000) @Max(2100) int year) {
        return reviews.auditTrail(queries.review(year).id());
    }

    @PostMapping("/{year}/publish")
    @Operation(summary = "Admin: publish the review's results (công bố): computes every area's rates, emits "
            + "report.PovertyReviewPublished.v1 and records the indicator actuals. 409 while an import runs or when "
            + "already published; 422 when the review has no households")
    public ResponseEntity<ReviewResponse> publish(@PathVariable @Min(2000) @Max(2100) int year,
                                                  @RequestHeader(value = "If-Match", required = false)
                                                  String ifMatch) {
        return respond(commands.publish(year, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{year}/reopen")
    @Operation(summary = "Admin: reopen a published review for corrections (phúc tra); publish again for the next "
            + "revision")
    public ResponseEntity<ReviewResponse> reopen(@PathVariable @Min(2000) @Max(2100) int year,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody ReasonRequest request) {
        return respond(commands.reopen(year, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    @GetMapping("/{year}/rates")
    @Operation(summary = "Rates by area: households, poor, near-poor, middle-income, poor rate, near-poor rate, "
            + "multidimensional poverty rate (poor + near-poor)/households, deprivation headcounts per indicator. "
            + "Published figures once published (public); provisional ones while open (readers only, 401 without a "
            + "token)")
    public RatesResponse rates(@PathVariable @Min(2000) @Max(2100) int year,
                               @Parameter(description = "PROVINCE, FORMER_DISTRICT, COMMUNE, ETHNIC_GROUP, "
                                       + "ETHNICITY; all when absent")
                               @RequestParam(required = false) Set<AreaKind> by) {
        return RatesResponse.of(queries.rates(year, by == null ? EnumSet.allOf(AreaKind.class) : by));
    }

    @GetMapping("/{year}/rates.xlsx")
    @Operation(summary = "The rates table as an XLSX workbook with Vietnamese headings, one sheet per breakdown "
            + "(public once published, like the rates)")
    public ResponseEntity<byte[]> ratesWorkbook(@PathVariable @Min(2000) @Max(2100) int year) throws IOException {
        ReviewQueries.Rates rates = queries.rates(year, EnumSet.allOf(AreaKind.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RatesWorkbook.write(rates, queries.standardOf(year), units.provinceName(), out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, RatesWorkbook.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ty-le-ho-ngheo-" + year + ".xlsx").build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/{year}/mpi")
    @Operation(summary = "Alkire–Foster MPI by area: H, A, M0, censored and uncensored headcounts, contributions. "
            + "k and weights are fractions (1/3) or decimals (0.25); weights default to equal nested weights "
            + "(each dimension equal, split equally among its indicators), k to the standard's cut-off as a share "
            + "of its indicators (3/12). Public once published, like the rates")
    public MpiResponse mpi(@PathVariable @Min(2000) @Max(2100) int year,
                           @RequestParam(required = false) @Pattern(regexp = "[0-9./ ]{1,20}",
                                   message = "a number or fraction such as 0.25 or 1/3") String k,
                           @RequestParam(defaultValue = "PROVINCE") AreaKind by,
                           @Parameter(description = "CODE:weight pairs separated by commas, e.g. "
                                   + "EMPLOYMENT:1/12,DEPENDANTS:1/12,…; must cover the indicators used and sum to 1")
                           @RequestParam(required = false) String weights) {
        return MpiResponse.of(year, queries.mpi(year, k, parseWeights(weights), by));
    }

    private static Map<String, String> parseWeights(String weights) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (weights == null || weights.isBlank()) {
            return parsed;
        }
        for (String pair : weights.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new InvalidInputException("weights", "'" + pair + "' is not CODE:weight");
            }
            parsed.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
        return parsed;
    }

    @GetMapping("/{year}/households/{householdCode}")
    @Operation(summary = "One household in the review: answers, classification with the reasons, provenance. "
            + "Personal data: signed-in readers only")
    public HouseholdResponse household(@PathVariable @Min(2000) @Max(2100) int year,
                                       @PathVariable String householdCode) {
        HouseholdStore.Stored stored = queries.household(year, householdCode.toUpperCase(java.util.Locale.ROOT));
        return HouseholdResponse.of(stored, queries.standardOf(year), units, ethnicGroups);
    }

    private ResponseEntity<ReviewResponse> respond(Versioned<PovertyReview> review) {
        return ResponseEntity.ok().eTag(IfMatch.etag(review.version())).body(response(review));
    }

    /**
     * A published review answers from its state (it takes no households while published); only an open one counts
     * its households, since on the MongoDB-wire server each count scans the whole collection.
     */
    private ReviewResponse response(Versioned<PovertyReview> review) {
        PovertyReview state = review.state();
        if (state.status() == ReviewStatus.PUBLISHED) {
            return ReviewResponse.of(review, state.publishedHouseholds(), state.synthetic());
        }
        int year = state.year();
        return ReviewResponse.of(review, households.count(year), queries.synthetic(year));
    }
}
