package com.orderguard.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.decision.PolicyCatalog;

/**
 * Loads the policy packs listed in {@code policies/index.json} from the class path (the native build includes
 * {@code policies/**}), resolves each overlay over the pack it {@code extends} ({@link PackResolver}) and validates
 * the result. Abstract packs (marketplace bases) are only parents, never chosen for a request. Any invalid pack
 * fails the load with the file and field named.
 */
public final class PolicyLoader {

    public static final String DIRECTORY = "policies/";

    private final ObjectMapper mapper;
    private final ClassLoader classLoader;
    private final String directory;

    public PolicyLoader(ObjectMapper mapper, ClassLoader classLoader) {
        this(mapper, classLoader, DIRECTORY);
    }

    /** @param directory the class-path folder of {@code index.json}, ending in '/' */
    public PolicyLoader(ObjectMapper mapper, ClassLoader classLoader, String directory) {
        this.mapper = mapper;
        this.classLoader = classLoader;
        this.directory = directory;
    }

    /** Every concrete pack of the index, resolved and validated. */
    public PolicyCatalog load() {
        JsonNode index = read("index.json");
        PackReader.Common common = PackReader.readCommon(directory + index.path("common").asText(),
                read(index.path("common").asText()));
        Map<String, PackResolver.PackFile> files = new LinkedHashMap<>();
        for (JsonNode name : index.path("packs")) {
            PackResolver.PackFile file = file(name.asText());
            if (files.putIfAbsent(file.ref(), file) != null) {
                throw new PolicyPackException("policy pack " + file.ref() + " is listed twice (file "
                        + file.file() + ")");
            }
        }
        PackResolver resolver = new PackResolver(files);
        List<PackReader.Read> packs = new ArrayList<>();
        for (PackResolver.PackFile file : files.values()) {
            if (!file.isAbstract()) {
                PackResolver.Resolved resolved = resolver.resolve(file);
                packs.add(PackReader.read(resolved.file(), resolved.node(), common, resolved.chain()));
            }
        }
        if (packs.isEmpty()) {
            throw new PolicyPackException(directory + "index.json lists no packs");
        }
        return new PolicyCatalog(packs.stream().map(PackReader.Read::pack).toList(),
                packs.stream().filter(PackReader.Read::defaultScheme).map(p -> p.pack().id()).distinct().toList());
    }

    private PackResolver.PackFile file(String name) {
        JsonNode node = read(name);
        if (!node.isObject()) {
            throw new PolicyPackException("policy file " + directory + name + " must hold a JSON object");
        }
        return new PackResolver.PackFile(directory + name, node.path("id").asText() + "@"
                + node.path("version").asText(), (ObjectNode) node);
    }

    private JsonNode read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(directory + name)) {
            if (in == null) {
                throw new PolicyPackException("policy file " + directory + name + " is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new PolicyPackException("policy file " + directory + name + " is not valid JSON: "
                    + e.getMessage());
        }
    }
}
