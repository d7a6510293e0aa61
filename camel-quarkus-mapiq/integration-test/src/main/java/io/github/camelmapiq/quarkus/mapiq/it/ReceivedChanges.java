package io.github.camelmapiq.quarkus.mapiq.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The end of the {@code user-changes} route: remembers each change as {@code TYPE id e-mail}. The e-mail is read from
 * the {@link User} Jackson bound, which in native mode works only if the model is registered for reflection.
 */
@ApplicationScoped
@Named("receivedChanges")
public class ReceivedChanges implements Processor {

    private final List<String> changes = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String email = body instanceof User user ? user.getEmail() : String.valueOf(body);
        changes.add(exchange.getMessage().getHeader(MapiqConstants.CHANGE_TYPE) + " "
                    + exchange.getMessage().getHeader(MapiqConstants.RECORD_ID) + " " + email);
    }

    public List<String> changes() {
        return List.copyOf(changes);
    }
}
