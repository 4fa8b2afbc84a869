package org.palermo.linkage.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated records and their truth: the entity (the synthetic person) of every record id. Two
 * records are a true match when they have the same entity.
 */
public record SyntheticPopulation(
    List<org.palermo.linkage.LinkageRecord> records, Map<String, String> entityOf) {
  public SyntheticPopulation {
    records = List.copyOf(records);
    entityOf = Map.copyOf(entityOf);
  }

  /** True when both ids are records of the same person. */
  public boolean sameEntity(String a, String b) {
    String ea = entityOf.get(a);
    return ea != null && ea.equals(entityOf.get(b));
  }

  /** The record ids of each entity, for entities with more than one record. */
  public Map<String, List<String>> duplicateGroups() {
    Map<String, List<String>> groups = new HashMap<>();
    for (var r : records) {
      groups.computeIfAbsent(entityOf.get(r.id()), e -> new ArrayList<>()).add(r.id());
    }
    groups.values().removeIf(ids -> ids.size() < 2);
    return groups;
  }

  /** The number of true matching pairs among these records (within one file). */
  public long truePairCount() {
    long n = 0;
    for (List<String> ids : duplicateGroups().values()) {
      n += (long) ids.size() * (ids.size() - 1) / 2;
    }
    return n;
  }

  /** The records by id (a new map on each call). */
  public Map<String, org.palermo.linkage.LinkageRecord> byId() {
    Map<String, org.palermo.linkage.LinkageRecord> map = new HashMap<>();
    for (var r : records) {
      map.put(r.id(), r);
    }
    return map;
  }
}
