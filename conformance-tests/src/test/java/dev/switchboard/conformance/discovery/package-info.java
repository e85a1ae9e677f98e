/** Discovery endpoints: /ServiceProviderConfig, /ResourceTypes, /Schemas, and /Me. */
package dev.switchboard.conformance.discovery;
