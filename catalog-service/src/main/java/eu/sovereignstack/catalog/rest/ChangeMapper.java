package eu.sovereignstack.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.catalog.domain.Change;
import eu.sovereignstack.catalog.service.ChangePage;

/** Recorded changes as the API shows them. */
final class ChangeMapper {

    private ChangeMapper() {
    }

    static ChangePageView page(ChangePage page, ObjectMapper json) {
        return new ChangePageView(page.changes().stream().map(c -> view(c, json)).toList(), page.next(), page.more());
    }

    static ChangeView view(Change c, ObjectMapper json) {
        try {
            return new ChangeView(c.id, c.kind.code(), c.key, c.operation, c.version,
                    new ChangeView.ChangeActor(c.actorIssuer, c.actorSubject, c.actorUsername, c.actorOrg), c.at, c.requestId,
                    c.patch == null ? null : json.readTree(c.patch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change " + c.id + " holds a patch that is not JSON", e);
        }
    }
}
