package eu.sovereignstack.catalog.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import eu.sovereignstack.catalog.domain.Peer;

@ApplicationScoped
public class PeerRepository implements PanacheRepositoryBase<Peer, String> {

    /** The peer's row, locked until the transaction ends: one replica at a time applies its changes. */
    public Optional<Peer> findForUpdate(String node) {
        return findByIdOptional(node, LockModeType.PESSIMISTIC_WRITE);
    }
}
