/**
 * Phone (issue 5): /Sites, /CallingPackages, /PhoneNumbers, the phone User extension, extension
 * numbers, direct numbers, holds, and their audit trail; each class on a fresh server of its own.
 */
package dev.switchboard.conformance.phone;
