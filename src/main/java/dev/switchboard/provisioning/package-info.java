/** Use cases: each public method is one transaction joining the store and the SCIM model. */
package dev.switchboard.provisioning;
