package dev.switchboard.http;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Swaps Grizzly's HTTP codec for one whose own refusals carry a SCIM error body. The codec answers
 * a request it cannot parse (a request line or headers over the listener's limit, a broken header)
 * before any handler runs, with an empty 400; clients then see no {@code detail}. Same settings as
 * the codec {@code HttpServer} builds (compression off, no probes); register it before the HTTP/2
 * add-on, which looks the codec up. Stateless and thread-safe.
 */
final class ScimCodecAddOn implements AddOn {
  private final long maxPayloadRemainderToSkip;

  ScimCodecAddOn(long maxPayloadRemainderToSkip) {
    this.maxPayloadRemainderToSkip = maxPayloadRemainderToSkip;
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int codec = builder.indexOfType(HttpServerFilter.class);
    ScimCodec scimCodec = new ScimCodec(listener);
    scimCodec.setAllowPayloadForUndefinedHttpMethods(
        ((HttpServerFilter) builder.get(codec)).isAllowPayloadForUndefinedHttpMethods());
    scimCodec.setMaxPayloadRemainderToSkip(maxPayloadRemainderToSkip);
    builder.set(codec, scimCodec);
  }

  private static final class ScimCodec extends HttpServerFilter {
    @SuppressWarnings("deprecation") // the constructor HttpServer itself uses
    ScimCodec(NetworkListener listener) {
      super(
          listener.isChunkingEnabled(),
          listener.getMaxHttpHeaderSize(),
          null,
          listener.getKeepAlive(),
          null,
          listener.getMaxRequestHeaders(),
          listener.getMaxResponseHeaders());
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
      byte[] body =
          GrizzlyErrors.json(
                  response.getStatus(),
                  "The request line or headers could not be read: malformed, or longer than "
                      + listenerLimitText()
                      + "; shorten the URL (a long filter can go in a POST /.search body)")
              .getBytes(StandardCharsets.UTF_8);
      // Straight into the header list: on this path the codec skips the Content-Type field, and
      // it closes the connection without saying so (a client would send its next request there).
      response.getHeaders().addValue("Content-Type").setString(ScimMediaType.SCIM_JSON);
      response.getHeaders().addValue("Connection").setString("close");
      response.setContentLength(body.length);
      return HttpContent.builder(response)
          .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
          .last(true)
          .build();
    }

    private String listenerLimitText() {
      return maxHeadersSize / 1024 + " KiB";
    }
  }
}
