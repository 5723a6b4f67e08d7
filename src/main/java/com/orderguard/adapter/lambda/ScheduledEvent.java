package com.orderguard.adapter.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The scheduler's event: an EventBridge Scheduler input or an EventBridge scheduled event. Only its id and
 * scheduled time are used (for the run id and the logs); what is due is judged against the clock.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String source,
        String time) {
}
