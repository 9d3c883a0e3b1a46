package eu.sovereignstack.catalog.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who can hold the keys that encrypt an offering's data: the strongest option it has. */
@Schema(name = "KeyCustody", description = "PROVIDER_HELD: only the provider holds the keys; CUSTOMER_MANAGED: the "
        + "customer's keys in the provider's key service (BYOK, CMK); CUSTOMER_HELD: keys held outside the provider "
        + "(external key manager, HYOK, client-side encryption).")
public enum KeyCustody {
    PROVIDER_HELD,
    CUSTOMER_MANAGED,
    CUSTOMER_HELD
}
