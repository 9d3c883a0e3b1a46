package eu.sovereignstack.catalog.contract;

/**
 * How a piece of software reaches the people who use it: on each of their devices, or from a
 * shared server they use over the network. Only SOFTWARE has a delivery; a SERVICE is always
 * delivered over the network by its vendor.
 */
public enum Delivery {
    /** Installed and run on each user's device: a desktop or mobile application, or a device operating system; no shared server. */
    DEVICE,
    /** A shared server application that the organisation or a provider runs and people use over the network, in a browser or a client. */
    SERVER
}
