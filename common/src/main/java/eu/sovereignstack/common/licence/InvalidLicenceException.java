package eu.sovereignstack.common.licence;

/** An expression that is not a valid SPDX licence expression over known licence ids. */
public class InvalidLicenceException extends Exception {

    public InvalidLicenceException(String message) {
        super(message, null, false, false);
    }
}
