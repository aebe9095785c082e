package vn.giamngheo.support.web;

import vn.giamngheo.support.domain.InvalidInputException;

/** Versions travel as ETags ({@code "3"}); a client may send one back in {@code If-Match} to avoid lost updates. */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client expects, or null when it sent no If-Match. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be an ETag of this API, e.g. \"3\"");
        }
    }
}
