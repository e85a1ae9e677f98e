package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A resource as answered: its (projected) representation, location and version. */
public record ResourceView(ObjectNode resource, String location, long version) {}
