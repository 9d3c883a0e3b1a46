package eu.sovereignstack.assessment.engine.model;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The eight objectives of the EU Cloud Sovereignty Framework (v1.2.1, October 2025). */
public enum SovereigntyObjective {
    @JsonProperty("SOV-1")
    SOV_1("SOV-1", "Strategic", "EU seat of decision makers, protection against change of control, keeps running if the vendor stops"),
    @JsonProperty("SOV-2")
    SOV_2("SOV-2", "Legal and jurisdictional", "governing law, exposure to non-EU laws with extraterritorial reach"),
    @JsonProperty("SOV-3")
    SOV_3("SOV-3", "Data and AI", "customer-held keys, EU-only storage, verifiable deletion, control of AI models"),
    @JsonProperty("SOV-4")
    SOV_4("SOV-4", "Operational", "migration without lock-in, EU operators and support, documentation and source"),
    @JsonProperty("SOV-5")
    SOV_5("SOV-5", "Supply chain", "origin and dependence on non-EU vendors, how many independent providers can run it"),
    @JsonProperty("SOV-6")
    SOV_6("SOV-6", "Technology", "open APIs and standards, open licence, transparency"),
    @JsonProperty("SOV-7")
    SOV_7("SOV-7", "Security and compliance", "certifications, ability to patch independently, EU security operations"),
    @JsonProperty("SOV-8")
    SOV_8("SOV-8", "Environmental", "energy efficiency, renewable energy, disclosure");

    private final String id;
    private final String title;
    private final String asks;

    SovereigntyObjective(String id, String title, String asks) {
        this.id = id;
        this.title = title;
        this.asks = asks;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String asks() {
        return asks;
    }

    /** The CSF id, also used as a JSON map key. */
    @Override
    public String toString() {
        return id;
    }

    public static Optional<SovereigntyObjective> byId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equalsIgnoreCase(id.trim())).findFirst();
    }
}
