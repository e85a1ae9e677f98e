/** /Groups: create, replace, delete and every membership write real IdPs send. */
package dev.switchboard.conformance.groups;
