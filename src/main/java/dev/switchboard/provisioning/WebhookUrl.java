package dev.switchboard.provisioning;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may point: https anywhere, plain http only on this machine (a local relay or a
 * test receiver), since events name users and their numbers. Stateless.
 */
final class WebhookUrl {
  private WebhookUrl() {}

  static void check(String text) throws BadRequestException {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw refused(text);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || url.getRawUserInfo() != null) {
      throw refused(text);
    }
    if (scheme.equals("https") || (scheme.equals("http") && loopback(url.getHost()))) {
      return;
    }
    throw refused(text);
  }

  /** A loopback name or address literal; never a DNS lookup (that could answer differently). */
  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean literal = host.matches("[0-9.]+") || host.startsWith("[");
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static BadRequestException refused(String text) {
    return BadRequestException.invalidValue(
        "url must be an https URL, or http on a loopback address (127.0.0.1, [::1], localhost),"
            + " not '"
            + text
            + "'");
  }
}
