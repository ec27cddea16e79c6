package com.deepenrich.camel.examples.csv;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInDoubtException;
import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.DeepEnrichValidationException;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.Rejection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps around {@code deepenrich:bulk} for one batch of up to 100 rows: record the batch before sending,
 * then record what DeepEnrich accepted and what the component refused, or what a failure means for the rows.
 */
public final class BatchSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSubmitter.class);

    static final String BATCH = "deepenrichBatch";
    static final String ROW_IDS = "deepenrichRowIds";

    private final JobRun run;
    private final String namePrefix;

    public BatchSubmitter(JobRun run, String namePrefix) {
        this.run = run;
        this.namePrefix = namePrefix;
    }

    /** Before sending: records the batch, names the request after it. Out of credits: answers the rows at once. */
    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        List<?> contacts = message.getBody(List.class);
        List<Long> rowIds = contacts.stream().map(BatchSubmitter::rowId).toList();
        if (run.isOutOfCredits()) {
            rowIds.forEach(row -> run.state().resolve(row, outOfCredits()));
            run.state().commit();
            exchange.setRouteStop(true);
            run.checkFinished();
            return;
        }
        run.batchStarted();
        String batch = run.state().beginBatch(namePrefix, rowIds);
        exchange.setProperty(BATCH, batch);
        exchange.setProperty(ROW_IDS, rowIds);
        message.setHeader(DeepEnrichConstants.NAME, batch);
    }

    /** DeepEnrich accepted the batch: the refused rows get their reason, the others wait for the result. */
    public void accepted(Exchange exchange) {
        List<Long> rowIds = rowIds(exchange);
        Map<Integer, String> refused = reasonsByIndex(exchange.getMessage().getHeader(DeepEnrichConstants.REJECTED,
                List.of(), List.class));
        refused.forEach((index, reason) -> run.state().resolve(rowIds.get(index), RowResult.rejected(reason)));
        List<Long> sent = IntStream.range(0, rowIds.size()).filter(i -> !refused.containsKey(i)).mapToObj(rowIds::get)
                .toList();
        String batch = exchange.getProperty(BATCH, String.class);
        String enrichmentId = exchange.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID, String.class);
        run.state().batchAccepted(batch, enrichmentId, sent);
        LOG.info("{}: {} contacts accepted as enrichment {}, {} refused", batch, sent.size(), enrichmentId,
                refused.size());
        run.batchDone();
    }

    /**
     * The batch was not accepted. Refused contacts and an exhausted account are answers for the rows; anything else
     * (authentication, the API unreachable after retries) stops the job, and the next run sends the batch again.
     */
    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        List<Long> rowIds = rowIds(exchange);
        String batch = exchange.getProperty(BATCH, String.class);
        if (cause instanceof DeepEnrichValidationException invalid) {
            Map<Integer, String> refused = reasonsByIndex(invalid.getRejections());
            for (int i = 0; i < rowIds.size(); i++) {
                String reason = refused.getOrDefault(i, "DeepEnrich refused the request: " + invalid.getApiMessage());
                run.state().resolve(rowIds.get(i), RowResult.rejected(reason));
            }
            run.state().abandonBatch(batch);
        } else if (cause instanceof DeepEnrichInDoubtException) {
            run.state().batchInDoubt(batch, run.doubtDeadline());
            LOG.warn("{}: sent, but the answer was lost (DeepEnrich may have accepted it): waiting up to {} s for its "
                     + "results before sending its rows again", batch, run.inDoubtWait().toSeconds());
        } else if (cause instanceof DeepEnrichInsufficientCreditsException) {
            run.markOutOfCredits();
            rowIds.forEach(row -> run.state().resolve(row, outOfCredits()));
            run.state().abandonBatch(batch);
        } else {
            run.fail(cause instanceof DeepEnrichException ? cause
                    : new IllegalStateException("Sending " + batch + " failed", cause));
        }
        run.batchDone();
    }

    private static RowResult outOfCredits() {
        return new RowResult("", "", "", ContactOutcome.CREDITS_INSUFFICIENT.name(),
                "the DeepEnrich account is out of credits: not sent");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> rowIds(Exchange exchange) {
        return exchange.getProperty(ROW_IDS, List.class);
    }

    private static long rowId(Object contact) {
        Map<?, ?> custom = (Map<?, ?>) ((Map<?, ?>) contact).get("custom");
        return Long.parseLong(String.valueOf(custom.get(ColumnMapping.ROW_ID)));
    }

    /** The component's rejections by contact index: one per contact, its reason naming every problem found. */
    private static Map<Integer, String> reasonsByIndex(List<?> rejections) {
        Map<Integer, String> reasons = new TreeMap<>();
        for (Object o : rejections) {
            Rejection r = (Rejection) o;
            reasons.put(r.getIndex(), r.getReason());
        }
        return reasons;
    }
}
