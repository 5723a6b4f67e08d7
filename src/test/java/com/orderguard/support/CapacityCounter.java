package com.orderguard.support;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * A {@link CallCounter} that also asks DynamoDB for the capacity each call consumes ({@code ReturnConsumedCapacity
 * = TOTAL}), for benchmarks. A separate interceptor, because it changes the requests: tests that only count calls
 * send them as the application does.
 */
// "implements" again: the extension accepts only classes its index lists as direct implementations
public class CapacityCounter extends CallCounter implements ExecutionInterceptor {

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        // every data-plane request that can report capacity has this member; control-plane ones (DescribeTable) do not
        for (SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals("ReturnConsumedCapacity")) {
                SdkRequest.Builder builder = request.toBuilder();
                field.set(builder, ReturnConsumedCapacity.TOTAL.toString());
                return builder.build();
            }
        }
        return request;
    }
}
