package com.deepenrich.camel.examples.simulator;

import java.util.ArrayList;
import java.util.List;

import com.deepenrich.camel.examples.simulator.ResultModel.Contact;
import com.deepenrich.camel.examples.simulator.ResultModel.ContactData;
import com.deepenrich.camel.examples.simulator.ResultModel.Cost;
import com.deepenrich.camel.examples.simulator.ResultModel.Result;

/**
 * Builds the result document of a job (GET answer and webhook body). Enrichment is deterministic, so results are
 * recomputed on demand instead of being stored.
 */
final class ResultRenderer {

    private final FakeEnricher enricher;

    ResultRenderer(FakeEnricher enricher) {
        this.enricher = enricher;
    }

    /**
     * A settled job lists every contact, blank past the ones it could pay for; an unsettled one lists nothing, or
     * with {@code forceResults} the contacts enriched so far.
     */
    Result render(Job job, long now, boolean forceResults) {
        Job.Outcome outcome = job.outcome();
        if (outcome != null) {
            return new Result(job.id(), job.name(), outcome.status(), new Cost(outcome.creditsSpent()),
                    datas(job.contacts(), outcome.enrichedCount(), job.contacts().size()));
        }
        int progress = forceResults ? job.progress(now) : 0;
        return new Result(job.id(), job.name(), job.status(now), null, datas(job.contacts(), progress, progress));
    }

    private List<ContactData> datas(List<ContactInput> contacts, int enriched, int listed) {
        List<ContactData> datas = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) {
            ContactInput input = contacts.get(i);
            datas.add(new ContactData(input.custom(), i < enriched ? enricher.enrich(input) : Contact.blank()));
        }
        return datas;
    }
}
