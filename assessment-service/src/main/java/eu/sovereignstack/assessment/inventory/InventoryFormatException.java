package eu.sovereignstack.assessment.inventory;

/**
 * An inventory file that cannot be read: {@code location} says where (e.g. "line 4, column
 * quantity" for CSV, "components[3].purl" or "line 12, column 5" for an SBOM).
 */
public class InventoryFormatException extends Exception {

    private final String location;

    public InventoryFormatException(String location, String message) {
        super(message, null, false, false);
        this.location = location;
    }

    public InventoryFormatException(String location, String message, Throwable cause) {
        super(message, cause, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
