package com.deepenrich.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.Body;
import org.apache.camel.ExchangeException;

// deepenrich-component.adoc, Your own application, as the guide shows it (DocSnippetsTest checks it)
// snippet:adoc-own-app-failed-rows
/** The dead letters of the routes: the rows DeepEnrich did not take, each with why. */
public final class FailedRows {

    /** One dead letter: why, and the row as it was read. */
    public record FailedRow(String reason, Object row) {
    }

    private FailedRows() {
    }

    /**
     * The rows of a batch that failed which DeepEnrich did not take, in input order: refused before sending, not
     * sent, or sent without an answer (in doubt: their result may still come). Rows DeepEnrich accepted before the
     * failure are not among them: their results come to the results route.
     */
    public static List<FailedRow> of(@Body List<?> rows, @ExchangeException DeepEnrichException failure) {
        Map<Integer, Rejection> refused = failure.getRejections().stream()
                .collect(Collectors.toMap(Rejection::getIndex, Function.identity()));
        List<Object> inDoubt = failure.getProgress().inDoubtContacts();
        List<Object> unsent = failure.getUnsubmittedContacts();
        List<FailedRow> failed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object row = rows.get(i);
            if (refused.containsKey(i)) {
                failed.add(new FailedRow(refused.get(i).getReason(), row));
            } else if (inDoubt.contains(row)) {
                failed.add(new FailedRow("in doubt, its result may still come: " + failure.getMessage(), row));
            } else if (unsent.contains(row)) {
                failed.add(new FailedRow(failure.getMessage(), row));
            }
        }
        return failed;
    }

    /** The rows of a batch DeepEnrich accepted that were refused before sending (invalidContacts=skip), in order. */
    public static List<FailedRow> refused(@Body SubmissionReceipt receipt) {
        return receipt.getRejections().stream().map(r -> new FailedRow(r.getReason(), r.getContact())).toList();
    }
}
// end:adoc-own-app-failed-rows
