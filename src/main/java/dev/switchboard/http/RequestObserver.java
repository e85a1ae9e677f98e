package dev.switchboard.http;

import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Times every request Jersey serves, from its start until the response is written (streamed bodies
 * included), and reports it once to {@link ServerMetrics} and the {@link AccessLog}. Requests
 * refused before they reach Jersey (a request line Grizzly cannot parse) are not seen. Thread-safe;
 * one listener per request.
 */
final class RequestObserver implements ApplicationEventListener {
  private final ServerMetrics metrics;

  RequestObserver(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onEvent(ApplicationEvent event) {}

  @Override
  public RequestEventListener onRequest(RequestEvent start) {
    long started = System.nanoTime();
    return event -> {
      if (event.getType() == RequestEvent.Type.FINISHED) {
        FinishedRequest request = finished(event, Duration.ofNanos(System.nanoTime() - started));
        metrics.requestFinished(request);
        AccessLog.write(request);
      }
    };
  }

  private static FinishedRequest finished(RequestEvent event, Duration duration) {
    ContainerResponse response = event.getContainerResponse();
    return new FinishedRequest(
        event.getContainerRequest().getMethod(),
        RouteTemplate.of(event.getUriInfo()),
        response == null ? 500 : response.getStatus(),
        duration,
        tokenName(event.getContainerRequest().getSecurityContext()));
  }

  private static String tokenName(SecurityContext context) {
    return context instanceof CallerSecurityContext caller
        ? CallerSecurityContext.callerOf(caller).tokenName()
        : "-";
  }
}
