package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One page of a list request (RFC 7644 §3.4.2). */
public record ListResult(long totalResults, int startIndex, List<ObjectNode> resources) {}
