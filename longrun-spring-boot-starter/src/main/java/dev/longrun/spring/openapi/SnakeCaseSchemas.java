package dev.longrun.spring.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Springdoc reads Jackson 2 annotations only, so it would describe the API's records with their Java (camelCase)
 * names; this renames the properties of the starter's own schemas to the snake_case the API really sends. Other
 * schemas of the host application are left alone.
 */
public final class SnakeCaseSchemas implements OpenApiCustomizer {

    private final Set<String> schemaNames;

    /** @param schemaNames simple names of the starter's snake_case records (springdoc names schemas after them) */
    public SnakeCaseSchemas(Set<String> schemaNames) {
        this.schemaNames = schemaNames;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schemaNames.contains(name)) {
                rename(schema);
            }
        });
    }

    /** progressPct → progress_pct, as Jackson's snake_case strategy writes the records' components. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void rename(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            Map<String, Schema> renamed = new LinkedHashMap<>();
            properties.forEach((k, v) -> renamed.put(snake(k), v));
            schema.setProperties(renamed);
        }
        if (schema.getRequired() != null) {
            java.util.List<String> required = ((java.util.List<String>) schema.getRequired()).stream().map(SnakeCaseSchemas::snake).toList();
            schema.setRequired(required);
        }
    }
}
