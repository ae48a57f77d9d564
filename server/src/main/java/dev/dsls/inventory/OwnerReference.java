package dev.dsls.inventory;

/** One {@code metadata.ownerReferences} entry of a pod. */
public record OwnerReference(String apiVersion, String kind, String name, String uid, boolean controller) {
}
