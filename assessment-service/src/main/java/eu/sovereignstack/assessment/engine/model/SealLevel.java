package eu.sovereignstack.assessment.engine.model;

/** SEAL levels of the Cloud Sovereignty Framework, 0 (none) to 4 (full digital sovereignty). */
public enum SealLevel {
    SEAL_0("No sovereignty"),
    SEAL_1("Jurisdictional sovereignty"),
    SEAL_2("Data sovereignty"),
    SEAL_3("Digital resilience"),
    SEAL_4("Full digital sovereignty");

    public static final int MAX = 4;

    private final String title;

    SealLevel(String title) {
        this.title = title;
    }

    public int level() {
        return ordinal();
    }

    public String title() {
        return title;
    }

    public static SealLevel of(int level) {
        return values()[Math.max(0, Math.min(MAX, level))];
    }
}
