package org.ratatosk.platform;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;

/**
 * A body's constraint messages are the contract's error messages, written out whole: they are
 * answered as written, never looked up in a bundle, translated or evaluated, whichever server runs.
 */
final class LiteralMessages implements MessageInterpolator {

    @Override
    public String interpolate(String messageTemplate, Context context) {
        return messageTemplate;
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
        return messageTemplate;
    }
}
