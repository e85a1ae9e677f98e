/** Listing: filters, paging, sorting, attribute projection and POST /.search. */
package dev.switchboard.conformance.query;
