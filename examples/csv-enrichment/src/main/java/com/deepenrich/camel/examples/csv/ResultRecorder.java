package com.deepenrich.camel.examples.csv;

import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a finished enrichment (by webhook or by polling): each contact's result under the row id it carries
 * back in {@code custom}, made durable before the route returns, so the component acknowledges it only then.
 */
public final class ResultRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ResultRecorder.class);

    private final JobRun run;

    public ResultRecorder(JobRun run) {
        this.run = run;
    }

    public void record(Exchange exchange) throws Exception {
        EnrichmentResult result = exchange.getMessage().getMandatoryBody(EnrichmentResult.class);
        JobState state = run.state();
        for (EnrichedContact contact : result.getContacts()) {
            String rowId = contact.getCustom().get(ColumnMapping.ROW_ID);
            if (rowId == null || !rowId.matches("\\d+")) {
                LOG.warn("Enrichment {} returned a contact without a row id ({}): ignored", result.getId(),
                        contact.getCustom());
                continue;
            }
            state.resolve(Long.parseLong(rowId), new RowResult(text(contact.getMostProbableEmail()),
                    text(contact.getMostProbableEmailStatus()), text(contact.getMostProbablePhone()),
                    contact.getOutcome().name(), ""));
        }
        for (long row : state.unresolvedRowsOf(result.getId())) {
            state.resolve(row, RowResult.rejected("absent from the result of enrichment " + result.getId()
                                                  + ": refused before sending, or dropped by DeepEnrich"));
        }
        state.recordCredits(result.getId(), result.getCredits());
        state.commit();
        run.checkFinished();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
