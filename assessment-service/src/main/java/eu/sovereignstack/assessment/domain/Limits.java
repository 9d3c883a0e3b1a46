package eu.sovereignstack.assessment.domain;

/** The documented maximums of an inventory, quoted by validation, OpenAPI and the README. */
public final class Limits {

    public static final int ITEMS = 10_000;
    public static final int ID = 200;
    public static final int NAME = 200;
    public static final int SLUG = 80;
    public static final int PURL = 500;
    public static final int VERSION = 100;
    public static final int LICENCE = 500;
    public static final int DEPENDS_ON = 200;
    public static final int COUNTRIES = 60;
    public static final int SECTOR = 100;
    public static final String COUNTRY = "^[A-Z]{2}$";
    public static final String SINGLE_LINE = "^[^\\p{Cc}]*$";

    private Limits() {
    }
}
