package eu.sovereignstack.assessment.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.assessment.domain.ScoringProfileRow;
import eu.sovereignstack.assessment.engine.RulesVersion;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.repository.ScoringProfileRepository;

/** The scoring profiles the database holds (they change only by migration). */
@ApplicationScoped
public class ScoringProfiles {

    private final ScoringProfileRepository repository;
    private final ObjectMapper json;
    private volatile List<ScoringProfile> cached;

    ScoringProfiles(ScoringProfileRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScoringProfile> all() {
        List<ScoringProfile> profiles = cached;
        if (profiles == null) {
            profiles = repository.listInOrder().stream().map(this::toProfile).toList();
            cached = profiles;
        }
        return profiles;
    }

    public Optional<ScoringProfile> find(String id) {
        return all().stream().filter(profile -> profile.id().equals(id)).findFirst();
    }

    public ScoringProfile defaultProfile() {
        return all().stream().filter(ScoringProfile::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("no default scoring profile"));
    }

    private ScoringProfile toProfile(ScoringProfileRow row) {
        try {
            Map<String, Integer> raw = json.readValue(row.weights, new TypeReference<Map<String, Integer>>() { });
            Map<SovereigntyObjective, Integer> weights = new EnumMap<>(SovereigntyObjective.class);
            raw.forEach((id, weight) -> weights.put(SovereigntyObjective.byId(id).orElseThrow(), weight));
            return new ScoringProfile(row.id, row.name, row.description, row.frameworkVersion, weights, row.isDefault,
                    RulesVersion.of(weights));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scoring profile " + row.id + " has unreadable weights", e);
        }
    }
}
