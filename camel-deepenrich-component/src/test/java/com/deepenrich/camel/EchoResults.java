package com.deepenrich.camel;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Results of the bulk requests a {@link WireMockApi} received (accepted as {@code id-<seq of the first contact>}),
 * as DeepEnrich would answer them: every contact echoed in request order with its custom fields, an email found for
 * each ({@code firstname.lastname@domain}, 1 credit).
 */
final class EchoResults {

    private EchoResults() {
    }

    /** Stubs GET of every request received so far with its result, of {@code status}. */
    static void stubEveryRequestReceived(WireMockApi api, String status) {
        for (LoggedRequest request : api.bulkRequests()) {
            stub(api, WireMockApi.json(request).get("datas"), status);
        }
    }

    private static void stub(WireMockApi api, JsonNode datas, String status) {
        api.server.stubFor(get(urlPathEqualTo(ResultStubs.RESULT_PATH + id(datas))).willReturn(okJson(result(datas,
                status))));
    }

    /** The result of a request received, as GET answers it and its webhook delivers it. */
    static String resultOf(LoggedRequest request, String status) {
        return result(WireMockApi.json(request).get("datas"), status);
    }

    private static String id(JsonNode datas) {
        return "id-" + datas.get(0).at("/custom/seq").asText();
    }

    /**
     * Answers GET of every request with its result, of {@code status}, from the moment it is received (for an
     * exchange that awaits its result).
     */
    static void stubEveryRequestOnceReceived(WireMockApi api, String status) {
        api.server.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().equals(WireMockApi.BULK_PATH) && response.getStatus() == 200) {
                stub(api, WireMockApi.json(request.getBodyAsString()).get("datas"), status);
            }
        });
    }

    private static String result(JsonNode datas, String status) {
        boolean finished = "FINISHED".equals(status);
        ObjectNode root = DeepEnrichJson.mapper().createObjectNode().put("id", id(datas)).put("name", "echo")
                .put("status", status);
        root.putObject("cost").put("credits", finished ? datas.size() : 0);
        ArrayNode out = root.putArray("datas");
        for (JsonNode sent : datas) {
            ObjectNode item = out.addObject();
            item.set("custom", sent.get("custom"));
            ObjectNode contact = item.putObject("contact");
            if (finished) {
                String email = (sent.path("firstname").asText() + "." + sent.path("lastname").asText() + "@"
                                + sent.path("domain").asText("example.com"))
                        .toLowerCase();
                contact.put("most_probable_email", email).put("most_probable_email_status", "DELIVERABLE");
                contact.putArray("emails").addObject().put("email", email).put("status", "DELIVERABLE");
            }
        }
        return DeepEnrichJson.writeString(root);
    }
}
