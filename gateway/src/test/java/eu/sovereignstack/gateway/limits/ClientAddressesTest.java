package eu.sovereignstack.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final ClientAddresses BEHIND_INGRESS = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8::/32"));

    @Test
    void withoutTrustedProxiesTheDirectPeerIsTheClientWhateverItForwards() {
        ClientAddresses direct = new ClientAddresses(List.of());
        assertEquals("10.1.2.3", direct.of("10.1.2.3", List.of("198.51.100.7")));
    }

    @Test
    void aTrustedProxysForwardedForIsReadFromTheRight() {
        // The client wrote 1.1.1.1 itself; the ingress (10.1.2.3) appended the address it saw.
        assertEquals("198.51.100.7", BEHIND_INGRESS.of("10.1.2.3", List.of("1.1.1.1, 198.51.100.7")));
        // Two trusted hops (an edge proxy, then the ingress) are skipped.
        assertEquals("198.51.100.7", BEHIND_INGRESS.of("10.1.2.3", List.of("1.1.1.1, 198.51.100.7, 10.9.9.9")));
        // Several headers count as one list, in order.
        assertEquals("198.51.100.8", BEHIND_INGRESS.of("10.1.2.3", List.of("1.1.1.1", "198.51.100.8")));
        assertEquals("2001:db9:0:0:0:0:0:1", BEHIND_INGRESS.of("2001:db8::5", List.of("2001:db9::1")));
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertEquals("198.51.100.9", BEHIND_INGRESS.of("198.51.100.9", List.of("10.1.1.1")));
    }

    @Test
    void whatIsNotAnAddressEndsTheChainAtTheLastTrustedHop() {
        assertEquals("10.9.9.9", BEHIND_INGRESS.of("10.1.2.3", List.of("198.51.100.7, evil.example, 10.9.9.9")));
        assertEquals("10.1.2.3", BEHIND_INGRESS.of("10.1.2.3", List.of()));
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressOrRangeIsAStartupError() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("ingress.example")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
    }
}
