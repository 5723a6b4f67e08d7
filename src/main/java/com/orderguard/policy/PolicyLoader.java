package com.orderguard.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.decision.PolicyCatalog;

/**
 * Loads the policy packs listed in {@code policies/index.json} from the class path (the native build includes
 * {@code policies/**}). Any invalid pack fails the load with the file and field named.
 */
public final class PolicyLoader {

    public static final String DIRECTORY = "policies/";

    private final ObjectMapper mapper;
    private final ClassLoader classLoader;

    public PolicyLoader(ObjectMapper mapper, ClassLoader classLoader) {
        this.mapper = mapper;
        this.classLoader = classLoader;
    }

    /** Every pack of the index, validated. */
    public PolicyCatalog load() {
        JsonNode index = read("index.json");
        PackReader.Common common = PackReader.readCommon(DIRECTORY + index.path("common").asText(),
                read(index.path("common").asText()));
        List<PackReader.Read> packs = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (JsonNode file : index.path("packs")) {
            PackReader.Read pack = PackReader.read(DIRECTORY + file.asText(), read(file.asText()), common);
            if (!refs.add(pack.pack().ref())) {
                throw new PolicyPackException("policy pack " + pack.pack().ref() + " is listed twice (file "
                        + DIRECTORY + file.asText() + ")");
            }
            packs.add(pack);
        }
        if (packs.isEmpty()) {
            throw new PolicyPackException(DIRECTORY + "index.json lists no packs");
        }
        return new PolicyCatalog(packs.stream().map(PackReader.Read::pack).toList(),
                packs.stream().filter(PackReader.Read::defaultScheme).map(p -> p.pack().id()).distinct().toList());
    }

    private JsonNode read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new PolicyPackException("policy file " + DIRECTORY + name + " is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new PolicyPackException("policy file " + DIRECTORY + name + " is not valid JSON: " + e.getMessage());
        }
    }
}
