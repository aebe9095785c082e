package vn.giamngheo.localstack;

/**
 * A port one of the stack's processes is going to listen on.
 *
 * @param processName the process that needs it, as in {@link ProcessFigures#name()}
 * @param purpose     what the port is for, in words
 */
record PortClaim(int port, String processName, String purpose) {
}
