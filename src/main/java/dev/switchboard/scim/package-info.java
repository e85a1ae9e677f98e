/**
 * SCIM vocabulary on top of the UnboundID SDK: schemas, conforming bodies, filters, PATCH,
 * projection.
 */
package dev.switchboard.scim;
