package dev.switchboard.licensing;

import java.util.List;
import java.util.Optional;

/**
 * A user's resolved phone: licensed or not, the calling package (highest rank demanded), the site
 * (direct, else first template by precedence and name, else empty for "the default site"), and the
 * sources that demand a license or a package, in a canonical order. Immutable.
 *
 * @param licensed whether any source demands a phone license
 * @param callingPackage the winning package, if any is demanded
 * @param site the site chosen, or empty for the default site
 * @param sources the demands behind the license and the package
 */
public record PhoneResolution(
    boolean licensed,
    Optional<String> callingPackage,
    Optional<String> site,
    List<PhoneDemand> sources) {}
