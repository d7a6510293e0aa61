package io.github.camelmapiq.mapiq.producer;

import org.apache.camel.Exchange;

/** One producer operation ({@code create}, {@code delete}, ...) of one endpoint. */
interface ProducerOperation {

    void process(Exchange exchange) throws Exception;
}
