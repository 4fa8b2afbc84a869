package org.palermo.law;

/** The status of each element of trafficking (Trafficking Protocol art. 3(a), 3(c)). */
public record Elements(ElementStatus act, ElementStatus means, ElementStatus purpose) {}
