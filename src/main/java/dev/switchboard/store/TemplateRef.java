package dev.switchboard.store;

/** A template's id and name. */
public record TemplateRef(String id, String name) {}
