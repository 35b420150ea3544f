package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Secrets;

/** Renders a command as the application server sees it: the envelope of contract section 1. */
@ApplicationScoped
public class Envelopes {

    @Inject
    Config config;

    @Inject
    Secrets secrets;

    public JsonObject render(Command command, List<MailboxMessage> messages, Function<String, Mailbox> mailboxes,
                             Map<String, JsonValue> sections) {
        JsonObjectBuilder envelope = Jsons.createObjectBuilder().add("commandId", command.id());
        if (command.externalId() != null) {
            envelope.add("externalId", command.externalId());
        }
        envelope.add("commandType", command.type().name())
                .add("state", command.state().name())
                .add("fqdn", config.fqdn());
        JsonArrayBuilder destinations = Jsons.createArrayBuilder();
        for (MailboxMessage message : messages) {
            destinations.add(destination(message, mailboxes.apply(message.bid())));
        }
        envelope.add("destinations", destinations);
        if (command.answeredMid() != null) {
            envelope.add("responseHeader", responseHeader(location(messageOf(messages, command.answeredMid()))));
            if (command.response() != null) {
                envelope.add(command.type().responseKey(), JsonBodies.parseStored(command.response()));
            }
        }
        if (command.state() == CommandState.FAILED || command.state() == CommandState.EXPIRED) {
            envelope.add("error", Jsons.createObjectBuilder()
                    .add("code", command.errorCode())
                    .add("message", command.errorMessage() == null ? command.errorCode() : command.errorMessage()));
        }
        sections.forEach(envelope::add);
        return envelope.build();
    }

    public JsonObject responseHeader(String location) {
        return Jsons.createObjectBuilder().add("inReplyTo", location).add("status", 200).build();
    }

    public String location(MailboxMessage message) {
        return config.mailboxUrl(message.bid()) + "/" + message.mid();
    }

    public String uri(Mailbox mailbox) {
        return config.uriScheme() + ":///?url=" + URLEncoder.encode(config.mailboxUrl(mailbox.bid()), StandardCharsets.UTF_8)
                + "&token=" + token(mailbox);
    }

    public String token(Mailbox mailbox) {
        return secrets.mailboxToken(mailbox.bid(), mailbox.tokenSalt());
    }

    private JsonObject destination(MailboxMessage message, Mailbox mailbox) {
        JsonObjectBuilder destination = Jsons.createObjectBuilder()
                .add("to", message.addressedTo())
                .add("bid", message.bid())
                .add("mid", message.mid());
        if (message.profileId() != null) {
            destination.add("pid", message.profileId());
        }
        destination.add("uri", uri(mailbox)).add("location", location(message)).add("state", message.state().name());
        if (message.errorCode() != null) {
            destination.add("error", Jsons.createObjectBuilder().add("code", message.errorCode())
                    .add("message", message.errorMessage() == null ? message.errorCode() : message.errorMessage()));
        }
        return destination.build();
    }

    private static MailboxMessage messageOf(List<MailboxMessage> messages, String mid) {
        return messages.stream().filter(m -> m.mid().equals(mid)).findFirst()
                .orElseThrow(() -> new IllegalStateException("answered message " + mid + " not among the command's"));
    }
}
