package vn.giamngheo.support.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies take a date only as an ISO-8601 string ({@code "2026-03-01"}) or {@code null}. Jackson's own reader
 * also takes an array, and reads an empty one ({@code "issuedOn": []}) or an empty string as "no date" — which an
 * optional field then treats as left out, so a malformed request was acted on (a plan issued "today") instead of
 * refused. Anything else is now a 400 naming the field.
 */
public final class StrictDates {

    private StrictDates() {
    }

    public static SimpleModule module() {
        return new SimpleModule("giamngheo-strict-dates").addDeserializer(LocalDate.class, new IsoDate());
    }

    static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "not a date in the form yyyy-MM-dd");
            }
        }
    }
}
