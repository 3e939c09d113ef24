package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /me without a framework: BindingService.me's reads. The account's binding in this campaign
 * (a consistent GetItem), then for a unit's owner its unit, for an implementer its unit and its
 * membership. In the bench's fresh tables the sample account has no binding: one GetItem each.
 */
public class CodeBindingBaseline extends BaselineHandler {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return signedIn(event, subject -> {
            Map<String, AttributeValue> binding = item("ACCOUNT#" + subject, "CAMPAIGN#" + campaignId);
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("username", claim(event, "username"));
            me.put("accountType", claim(event, "account_type"));
            me.put("admin", String.valueOf(claim(event, "groups")).contains("admin"));
            me.put("unit", null);
            me.put("membership", null);
            if (binding != null) {
                String unitId = binding.get("unitId").s();
                Map<String, AttributeValue> unit = item("UNIT#" + unitId, "META");
                if ("RECOMMENDER".equals(binding.get("role").s())) {
                    me.put("unit", strings(unit));
                } else {
                    Map<String, String> membership = strings(item("UNIT#" + unitId, "MEMBER#" + subject));
                    membership.put("unitName", unit == null ? null : unit.get("unitName").s());
                    me.put("membership", membership);
                }
            }
            return response(200, me, Map.of());
        });
    }

    private static Map<String, String> strings(Map<String, AttributeValue> item) {
        Map<String, String> values = new LinkedHashMap<>();
        if (item != null) {
            item.forEach((name, value) -> values.put(name, value.s()));
        }
        return values;
    }
}
