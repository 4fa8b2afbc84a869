package org.palermo.app.knowledge;

import java.util.List;

/** One topic's page in one language: its address part, title, paragraphs and QR code (SVG). */
public record RightsPage(String slug, String title, List<String> paragraphs, String qrSvg) {}
